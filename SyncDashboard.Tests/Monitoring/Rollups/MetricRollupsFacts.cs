using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Monitoring.Rollups;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Monitoring.Rollups.RollupHistory;

namespace SyncDashboard.Tests.Monitoring.Rollups;

/// <summary>Daily and weekly rollups on a real SQLite file and a real PostgreSQL database, checked against sums over the raw events.</summary>
public sealed class MetricRollupsFacts
{
    // Thursday 5 March 2026 to the end of Wednesday 18 March: two week boundaries (Mondays 9 and 16 March).
    private static readonly DateTime From = new(2026, 3, 5, 0, 0, 0, DateTimeKind.Utc);
    private const int Days = 14;
    private static readonly DateTime Now = new(2026, 3, 19, 6, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothProviders]
    public async Task Run_MakesDailyAndWeeklyRows_EqualToSumsOverTheRawEvents(TestProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var result = await new MetricRollups(database.Factory(), new FakeTimeProvider(Now)).RunAsync(Ct);

        await using var db = database.Open();
        var finished = await db.SyncEvents.AsNoTracking().Where(e => e.Status != SyncStatus.Started).ToListAsync(Ct);
        var rollups = await db.SyncMetrics.AsNoTracking().Where(m => m.Period != MetricPeriod.Hourly).ToListAsync(Ct);

        var expectedDays = Expected(finished, MetricPeriod.Daily, e => e.StartedUtc.Date);
        // Week starts computed independently of the code under test: ISO 8601 weeks start on Monday.
        var expectedWeeks = Expected(finished, MetricPeriod.Weekly, e => ISOWeek.ToDateTime(
            ISOWeek.GetYear(e.StartedUtc), ISOWeek.GetWeekOfYear(e.StartedUtc), DayOfWeek.Monday));
        Assert.Equal(2 * Days, expectedDays.Count); // every day of both services has events
        Assert.Equal(2 * 3, expectedWeeks.Count);
        Assert.Equal(expectedDays.Concat(expectedWeeks).OrderBy(r => r).ToList(), rollups.Select(Numbers).OrderBy(r => r).ToList());
        Assert.Equal(new RollupResult(Weeks: 6, Days: 2 * Days, RowsWritten: 2 * Days + 6), result);
        Assert.All(rollups, r => Assert.Equal(DateTimeKind.Utc, r.PeriodStartUtc.Kind));
        Assert.All(rollups.Where(r => r.Period == MetricPeriod.Weekly), r => Assert.Equal(DayOfWeek.Monday, r.PeriodStartUtc.DayOfWeek));
    }

    [Theory, BothProviders]
    public async Task Run_KeepsSketches_OfExactlyTheTimedSuccesses(TestProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await new MetricRollups(database.Factory(), new FakeTimeProvider(Now)).RunAsync(Ct);

        await using var db = database.Open();
        var durations = await db.SyncEvents.Where(e => e.Status == SyncStatus.Succeeded && e.DurationMs != null)
            .Select(e => e.DurationMs!.Value).ToListAsync(Ct);
        foreach (var period in new[] { MetricPeriod.Hourly, MetricPeriod.Daily, MetricPeriod.Weekly })
        {
            var rows = await db.SyncMetrics.AsNoTracking().Where(m => m.Period == period).ToListAsync(Ct);
            // The days, the weeks and the hours each merge to the sketch of every timed run: nothing lost or counted twice.
            Assert.Equal(DurationSketch.Of(durations), DurationSketch.Merge(rows.Select(r => r.DurationSketch)));
            Assert.Equal(durations.Count, rows.Sum(r => r.SuccessCount));
        }
    }

    /// <summary>For the rows the API serves: every daily and weekly row's p50, p95 and p99 are within 2 % of the exact
    /// nearest-rank percentiles over the raw successful events of the same range.</summary>
    [Theory, BothProviders]
    public async Task Latest_GivesPercentilesWithinTwoPerCentOfTheExactOnes_ForDailyAndWeeklyRows(TestProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await new MetricRollups(database.Factory(), new FakeTimeProvider(Now)).RunAsync(Ct);
        await using var db = database.Open();
        var timed = await db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == Main && e.Status == SyncStatus.Succeeded && e.DurationMs != null)
            .Select(e => new { e.StartedUtc, Ms = e.DurationMs!.Value })
            .ToListAsync(Ct);
        var queries = new MetricQueries(database.Factory());

        foreach (var period in new[] { MetricPeriod.Daily, MetricPeriod.Weekly })
        {
            var rows = await queries.LatestAsync(Main, period, MetricQueries.MaxLimit, Ct);
            Assert.Equal(period == MetricPeriod.Daily ? Days : 3, rows.Count);
            foreach (var row in rows)
            {
                var end = row.PeriodStart + MetricArithmetic.LengthOf(period);
                var durations = timed.Where(e => e.StartedUtc >= row.PeriodStart && e.StartedUtc < end).Select(e => e.Ms).ToList();
                Assert.True(durations.Count >= 5, $"{period} {row.PeriodStart:d} has only {durations.Count} timed successes");
                Assert.Equal(durations.Count, row.Successes);
                NearestRank.AssertWithin(NearestRank.Of(durations, 0.5), row.P50DurationMs, $"p50 of the {period} row of {row.PeriodStart:d}");
                NearestRank.AssertWithin(NearestRank.Of(durations, 0.95), row.P95DurationMs, $"p95 of the {period} row of {row.PeriodStart:d}");
                NearestRank.AssertWithin(NearestRank.Of(durations, 0.99), row.P99DurationMs, $"p99 of the {period} row of {row.PeriodStart:d}");
            }
        }
    }

    [Theory, BothProviders]
    public async Task Run_ChangesNothing_WhenRunAgain(TestProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var time = new FakeTimeProvider(Now);
        var rollups = new MetricRollups(database.Factory(), time);
        await rollups.RunAsync(Ct);
        var first = await SnapshotAsync(database);

        time.Advance(TimeSpan.FromHours(1));
        var again = await rollups.RunAsync(Ct);

        Assert.Equal(0, again.RowsWritten);
        Assert.True(again.Weeks > 0, "the week in progress is recomputed every time");
        Assert.Equal(first, await SnapshotAsync(database));
    }

    [Theory, BothProviders]
    public async Task Run_PicksUpALateHourlyChange_InAWeekAlreadyRolledUp(TestProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var time = new FakeTimeProvider(Now);
        var rollups = new MetricRollups(database.Factory(), time);
        await rollups.RunAsync(Ct);
        var day = new DateTime(2026, 3, 6, 0, 0, 0, DateTimeKind.Utc); // Friday of the first, finished week
        var week = new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
        var dayBefore = await RowAsync(database, MetricPeriod.Daily, day);
        var weekBefore = await RowAsync(database, MetricPeriod.Weekly, week);

        // A run of that day closed as abandoned much later, as start-up does for a process that died.
        time.Advance(TimeSpan.FromHours(3));
        await using (var db = database.Open())
        {
            await RecordAsync(db, [new SyncEvent
            {
                Service = Main, Status = SyncStatus.Failed, StartedUtc = day.AddHours(10.25),
                CompletedUtc = time.GetUtcNow().UtcDateTime, DurationMs = 120_000,
            }], time.GetUtcNow().UtcDateTime);
        }
        var result = await rollups.RunAsync(Ct);

        var dayAfter = await RowAsync(database, MetricPeriod.Daily, day);
        var weekAfter = await RowAsync(database, MetricPeriod.Weekly, week);
        Assert.Equal(dayBefore.FailureCount + 1, dayAfter.FailureCount);
        Assert.Equal(weekBefore.FailureCount + 1, weekAfter.FailureCount);
        Assert.Equal((double)dayAfter.FailureCount / (dayAfter.FailureCount + dayAfter.SuccessCount), dayAfter.ErrorRate);
        Assert.Equal(time.GetUtcNow().UtcDateTime, weekAfter.LastUpdatedUtc);
        Assert.Equal(2, result.RowsWritten);
    }

    [Theory, BothProviders]
    public async Task Run_RecomputesTheWeekInProgress_EvenForAWriteStampedBeforeTheLastRun(TestProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var time = new FakeTimeProvider(Now);
        var rollups = new MetricRollups(database.Factory(), time);
        await rollups.RunAsync(Ct);

        // A node whose clock is a day behind writes into today: its stamp is older than anything rolled up.
        var today = MetricArithmetic.DayOf(Now);
        await using (var db = database.Open())
        {
            await RecordAsync(db, [new SyncEvent
            {
                Service = Main, Status = SyncStatus.Succeeded, StartedUtc = today.AddHours(1), DurationMs = 50,
                ItemsProcessed = 3,
            }], Now.AddDays(-1));
        }
        await rollups.RunAsync(Ct);

        var row = await RowAsync(database, MetricPeriod.Daily, today);
        Assert.Equal(1, row.SuccessCount);
        Assert.Equal(3, row.ItemsProcessed);
    }

    [Theory, BothProviders]
    public async Task Run_WritesNothing_WithoutHourlyRows(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var result = await new MetricRollups(database.Factory(), new FakeTimeProvider(Now)).RunAsync(Ct);
        Assert.Equal(new RollupResult(0, 0, 0), result);
    }

    private static async Task<TestDatabase> SeededAsync(TestProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        await RecordAsync(db, Generate(From, Days, count: 600));
        return database;
    }

    private static List<string> Expected(List<SyncEvent> events, MetricPeriod period, Func<SyncEvent, DateTime> startOf) =>
        events.GroupBy(e => (e.Service, Start: DateTime.SpecifyKind(startOf(e), DateTimeKind.Utc)))
            .Select(g =>
            {
                var timed = g.Where(e => e.Status == SyncStatus.Succeeded && e.DurationMs is not null)
                    .Select(e => e.DurationMs!.Value).ToList();
                var successes = g.Count(e => e.Status == SyncStatus.Succeeded);
                var failures = g.Count(e => e.Status == SyncStatus.Failed);
                return Numbers(new SyncMetric
                {
                    Service = g.Key.Service,
                    Period = period,
                    PeriodStartUtc = g.Key.Start,
                    SuccessCount = successes,
                    FailureCount = failures,
                    ItemsProcessed = g.Where(e => e.Status == SyncStatus.Succeeded).Sum(e => (long)e.ItemsProcessed),
                    TotalDurationMs = timed.Sum(),
                    MinDurationMs = timed.Count == 0 ? null : timed.Min(),
                    MaxDurationMs = timed.Count == 0 ? null : timed.Max(),
                    ErrorRate = (double)failures / (successes + failures),
                    DurationSketch = DurationSketch.Of(timed),
                });
            })
            .ToList();

    /// <summary>Everything a rollup row says except when it was last updated, as one comparable line.</summary>
    private static string Numbers(SyncMetric m) =>
        $"{m.Service} {m.Period} {m.PeriodStartUtc:O} ok={m.SuccessCount} failed={m.FailureCount} " +
        $"items={m.ItemsProcessed} total={m.TotalDurationMs} min={m.MinDurationMs} max={m.MaxDurationMs} " +
        $"rate={m.ErrorRate:R} sketch=[{m.DurationSketch}] legacy={m.LegacyDurationHistogram is not null}";

    private static async Task<List<string>> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var rows = await db.SyncMetrics.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct);
        return rows.Select(m => $"{m.Id} {Numbers(m)} updated={m.LastUpdatedUtc:O}").ToList();
    }

    private static async Task<SyncMetric> RowAsync(TestDatabase database, MetricPeriod period, DateTime start)
    {
        await using var db = database.Open();
        return await db.SyncMetrics.AsNoTracking()
            .SingleAsync(m => m.Service == Main && m.Period == period && m.PeriodStartUtc == start, Ct);
    }
}
