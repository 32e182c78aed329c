using Hangfire.InMemory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Maintenance;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Slo;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Maintenance;

/// <summary>A window that says so leaves exactly its span out of the SLO numbers and uptime, over raw events in a real
/// SQLite file and a real PostgreSQL database; one that does not changes nothing.</summary>
public sealed class MaintenanceExclusionFacts
{
    private const string Service = ServiceName.Todoist;
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>By hand, over the last day. Successes 40 days, 100 and 20 minutes ago, a failure 50 minutes ago; the
    /// excluding window is [60, 30) minutes ago, the other one [105, 95).
    /// <list type="bullet">
    /// <item>Success: 2 good, 1 bad; without the failure (inside the window) 2 good, 0 bad.</item>
    /// <item>Freshness (15 min): stale 1440→100 (1340 min), 85→20 (65), 5→0 (5): 1410 bad, 30 good; the window takes
    /// 30 of the 65 stale minutes out: 1380 bad, 30 good.</item>
    /// <item>Uptime (24 h): down 50→20 (30 min) of 1440: 1410/1440; the window takes 30 minutes out of the whole and
    /// 20 of them out of the down time: 1400/1410.</item>
    /// </list></summary>
    [Theory, BothProviders]
    public async Task ExcludingWindow_LeavesExactlyItsSpanOutOfTheSloNumbersAndUptime(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            db.SyncEvents.AddRange(Run(Now.AddDays(-40), SyncStatus.Succeeded), Run(Now.AddMinutes(-100), SyncStatus.Succeeded),
                Run(Now.AddMinutes(-50), SyncStatus.Failed), Run(Now.AddMinutes(-20), SyncStatus.Succeeded));
            await db.SaveChangesAsync(Ct);
            await StoredRuns.RollUpAsync(db, Ct);
        }
        var time = new FakeTimeProvider(Now);
        var before = await MeasureAsync(database, time);
        Assert.Equal((2.0, 1.0), before.Success);
        Assert.Equal((30.0, 1410.0), before.Freshness);
        Assert.Equal(1410.0 / 1440, before.Uptime!.Value, 9);

        await using (var db = database.Open())
        {
            db.MaintenanceWindows.AddRange(
                Window(Now.AddMinutes(-60), 30, exclude: true),
                Window(Now.AddMinutes(-105), 10, exclude: false));
            await db.SaveChangesAsync(Ct);
        }
        var during = await MeasureAsync(database, time);

        Assert.Equal((2.0, 0.0), during.Success);
        Assert.Equal((30.0, 1380.0), during.Freshness);
        Assert.Equal(1400.0 / 1410, during.Uptime!.Value, 9);
    }

    private static async Task<((double, double) Success, (double, double) Freshness, double? Uptime)> MeasureAsync(
        TestDatabase database, TimeProvider time)
    {
        var maintenance = new MaintenanceQueries(database.Factory(), time);
        var targets = new TodoistTargetResolver(Options.Create(new TodoistOptions { ApiToken = "not-demo" }),
            Options.Create(new SimulatorOptions()), new SimulatorEndpoint());
        var slo = new SloQueries(database.Factory(), time,
            Options.Create(new SloOptions
            {
                Objectives =
                [
                    new SloObjective { Name = "success", Kind = SloKind.Success, Target = 0.99, WindowDays = 1 },
                    new SloObjective { Name = "freshness", Kind = SloKind.Freshness, Target = 0.995, WindowDays = 1, FreshnessThresholdMinutes = 15 },
                ],
            }),
            Options.Create(new SyncOptions()), targets, maintenance);
        using var storage = new InMemoryStorage();
        var health = new HealthQueries(database.Factory(), time, Options.Create(new HealthOptions()),
            Options.Create(new RetryOptions()), Options.Create(new SyncOptions()), targets, storage, slo, maintenance);

        var report = await slo.GetAsync(Service, Ct);
        var uptime = (await health.GetAsync(Service, Ct)).Uptime;
        return ((report.Objectives[0].Good, report.Objectives[0].Bad),
            (Math.Round(report.Objectives[1].Good, 9), Math.Round(report.Objectives[1].Bad, 9)),
            uptime.Last24Hours);
    }

    private static SyncEvent Run(DateTime endUtc, SyncStatus status) => new()
    {
        Service = Service, Type = SyncType.Incremental, Trigger = SyncTrigger.Schedule, Status = status,
        StartedUtc = endUtc.AddSeconds(-1), CompletedUtc = endUtc, DurationMs = 1000,
        ErrorCode = status == SyncStatus.Failed ? "HTTP_503" : null,
    };

    private static MaintenanceWindow Window(DateTime start, int minutes, bool exclude) => new()
    {
        Service = Service, Reason = "upgrade", StartUtc = start, DurationMinutes = minutes, ExcludeFromSlo = exclude,
        CreatedBy = "ana", CreatedUtc = start,
    };
}
