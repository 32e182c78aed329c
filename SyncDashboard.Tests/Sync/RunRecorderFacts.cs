using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Sync;
using SyncDashboard.Sync.Mirror;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Sync;

public sealed class RunRecorderFacts
{
    private const string Service = ServiceName.Todoist;
    private static readonly DateTime Hour = new(2026, 11, 5, 10, 0, 0, DateTimeKind.Utc);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A run that started at 10:59:50 and failed at 11:00:10 counts in the 10:00 row (by start) and is logged
    /// in the 11:00 row (by end, as the objectives count it), a row of its own; a run closed as cancelled is neither.
    /// The upgrade then leaves both rows be, and its log of the same runs is the same.</summary>
    [Theory, BothProviders]
    public async Task RecordFailure_LogsTheAttemptInTheHourItEnded_AndCountsItInTheHourItStarted(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Hour.AddMinutes(59).AddSeconds(50).AddTicks(1234));
        var recorder = await RecorderAsync(database, time);
        var request = new SyncRequest(SyncType.Incremental, SyncTrigger.Schedule);

        var failing = await recorder.StartAsync(Service, request, null, Ct);
        var cancelled = await recorder.StartAsync(Service, request, null, Ct);
        time.Advance(TimeSpan.FromSeconds(20));
        await recorder.RecordFailureAsync(Service, failing, request, new SyncFailure(FailureKind.Transient, "HTTP_503", "down"), Ct);
        await recorder.CloseUncountedAsync(cancelled, UncountedRuns.Cancelled, "stopped");

        var rows = await HourlyRowsAsync(database);
        Assert.Equal(
            [(Hour, 0, 1, 0), (Hour.AddHours(1), 0, 0, 1)],
            rows.Select(r => (r.PeriodStartUtc, r.SuccessCount, r.FailureCount, AttemptEnds.Decode(r.PeriodStartUtc, r.AttemptEnds).Count)));
        var logged = Assert.Single(AttemptEnds.Decode(Hour.AddHours(1), rows[1].AttemptEnds));
        Assert.Equal(new AttemptEnd(Hour.AddHours(1).AddSeconds(10).AddTicks(1230), false), logged);
        Assert.Empty(rows[0].AttemptEnds!);

        Assert.Equal(0, await AttemptEndsUpgrade.RunAsync(database.Factory(), Ct));
        await using (var db = database.Open())
        {
            await db.SyncMetrics.ExecuteUpdateAsync(s => s.SetProperty(m => m.AttemptEnds, (byte[]?)null), Ct);
        }
        Assert.Equal(2, await AttemptEndsUpgrade.RunAsync(database.Factory(), Ct));
        Assert.Equal(rows.Select(r => r.AttemptEnds), (await HourlyRowsAsync(database)).Select(r => r.AttemptEnds));
    }

    /// <summary>A successful run counts in its type's row of the hour it started in (the performance page's rollup); a
    /// failure does not. The upgrade's rows from the same stored runs are the same.</summary>
    [Theory, BothProviders]
    public async Task Succeed_CountsTheRunInItsTypesRow_AsTheUpgradeWouldFromTheStoredRuns(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Hour.AddMinutes(10));
        var recorder = await RecorderAsync(database, time);
        foreach (var (type, ms, objects) in new[] { (SyncType.Incremental, 300, 4), (SyncType.Full, 2000, 90), (SyncType.Incremental, 500, 6) })
        {
            var request = new SyncRequest(type, SyncTrigger.Schedule);
            var run = await recorder.StartAsync(Service, request, null, Ct);
            time.Advance(TimeSpan.FromMilliseconds(ms));
            await using var db = database.Open();
            await recorder.SucceedAsync(db, run, new RunResult(Service, type, "token", objects, new MirrorChanges(objects, 0, 0), null), Ct);
            await db.SaveChangesAsync(Ct);
        }
        var failing = await recorder.StartAsync(Service, new SyncRequest(SyncType.Incremental, SyncTrigger.Schedule), null, Ct);
        await recorder.RecordFailureAsync(Service, failing, new SyncRequest(SyncType.Incremental, SyncTrigger.Schedule),
            new SyncFailure(FailureKind.Transient, "HTTP_503", "down"), Ct);

        var recorded = await TypeRowsAsync(database);
        Assert.Equal([(SyncType.Full, 1, 2000L, 2000L, 2000L, 90L), (SyncType.Incremental, 2, 800L, 300L, 500L, 10L)],
            recorded.Select(r => (r.Type, r.Runs, r.TotalDurationMs, r.MinDurationMs!.Value, r.MaxDurationMs!.Value, r.ItemsProcessed)));
        Assert.All(recorded, r => Assert.Equal(Hour, r.HourStartUtc));

        await using (var db = database.Open()) await db.SyncTypeMetrics.ExecuteDeleteAsync(Ct);
        Assert.Equal(2, await TypeMetricsUpgrade.RunAsync(database.Factory(), Ct));
        Assert.Equal(
            recorded.Select(r => (r.Type, r.Runs, r.TotalDurationMs, r.MinDurationMs, r.MaxDurationMs, r.ItemsProcessed, r.DurationSketch)),
            (await TypeRowsAsync(database)).Select(r => (r.Type, r.Runs, r.TotalDurationMs, r.MinDurationMs, r.MaxDurationMs, r.ItemsProcessed, r.DurationSketch)));
        Assert.Equal(0, await TypeMetricsUpgrade.RunAsync(database.Factory(), Ct));
    }

    private static async Task<List<SyncTypeMetric>> TypeRowsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return (await db.SyncTypeMetrics.AsNoTracking().ToListAsync(Ct)).OrderBy(r => r.Type.ToString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>A recorder over <paramref name="database"/>, with the service's state row it updates.</summary>
    private static async Task<RunRecorder> RecorderAsync(TestDatabase database, TimeProvider time)
    {
        await using (var db = database.Open())
        {
            db.SyncStates.Add(new SyncState { Service = Service });
            await db.SaveChangesAsync(Ct);
        }
        return new RunRecorder(database.Factory(), time, Options.Create(new SyncOptions()),
            Options.Create(new RetryOptions()), Options.Create(new HealthOptions()), NullLogger<RunRecorder>.Instance);
    }

    private static async Task<List<SyncMetric>> HourlyRowsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await db.SyncMetrics.AsNoTracking().Where(m => m.Period == MetricPeriod.Hourly)
            .OrderBy(m => m.PeriodStartUtc).ToListAsync(Ct);
    }
}
