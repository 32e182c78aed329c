using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Monitoring.Rollups;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Monitoring.Queries;

/// <summary>Health as gathered from a real app: state, events, rollups and Hangfire's schedule.</summary>
public sealed class HealthQueriesFacts
{
    /// <summary>Once a year: registered, with a next execution, but never due during a test.</summary>
    private const string YearlyCron = "0 0 1 1 *";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_IsUnknown_WithNullNumbers_BeforeAnySync()
    {
        await using var app = NewApp();
        await app.StartAsync();

        var health = await app.Get<HealthQueries>().GetAsync(ServiceName.Todoist, Ct);

        Assert.Equal(HealthStatus.Unknown, health.Status);
        Assert.Empty(health.Alerts);
        Assert.Equal(0, health.LastHourAttempts);
        Assert.Null(health.LastHourErrorRate);
        Assert.Null(health.LastHourP95Ms);
        Assert.Null(health.SevenDayMedianMs);
        Assert.Null(health.DataAgeSeconds);
        Assert.Equal(new UptimeSummary(null, null, null), health.Uptime);
    }

    [Fact]
    public async Task Get_GivesTheNextScheduledSync_AndTheExpectedInterval_FromTheIncrementalCron()
    {
        await using var app = NewApp();
        await app.StartAsync();

        var health = await app.Get<HealthQueries>().GetAsync(ServiceName.Todoist, Ct);

        var next = Assert.NotNull(health.NextScheduledSyncAt);
        Assert.Equal(DateTimeKind.Utc, next.Kind);
        Assert.Equal((1, 1, 0), (next.Month, next.Day, next.Hour));
        Assert.True(next > DateTime.UtcNow);
        Assert.InRange(health.ExpectedIntervalSeconds!.Value, TimeSpan.FromDays(365).TotalSeconds, TimeSpan.FromDays(366).TotalSeconds);
    }

    [Fact]
    public async Task Get_IsHealthy_WithFullUptime_AfterASuccess()
    {
        await using var app = NewApp();
        await app.StartAsync();
        await RunAsync(app);

        var health = await app.Get<HealthQueries>().GetAsync(ServiceName.Todoist, Ct);

        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal(1, health.LastHourAttempts);
        Assert.Equal(0, health.LastHourErrorRate);
        Assert.Null(health.LastHourP95Ms); // the first sync is a full one, which says nothing about the usual pace
        Assert.Null(health.SevenDayMedianMs); // no history yet, so nothing is "usual"
        Assert.Equal(1, health.Uptime.Last24Hours);
    }

    /// <summary>A fresh app's first full sync is much slower than the incremental ones after it; that must not
    /// read as "slower than usual" (it did, before full syncs were left out and a baseline was required).</summary>
    [Fact]
    public async Task Get_IsNotDegraded_ByTheFirstFullSync_OfAFreshApp()
    {
        await using var app = NewApp();
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { LatencyMs = 400 };
        await RunAsync(app); // the full sync, slow
        app.Simulator.Faults = new SimulatorFaults();
        for (var i = 0; i < 5; i++) await RunAsync(app);

        var health = await app.Get<HealthQueries>().GetAsync(ServiceName.Todoist, Ct);

        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Empty(health.Alerts);
        Assert.NotNull(health.LastHourP95Ms);
        Assert.True(health.LastHourP95Ms < 400, $"p95 {health.LastHourP95Ms} ms still counts the full sync");
    }

    [Fact]
    public async Task Get_IsDegraded_WithConsecutiveFailures_AfterOneFailure()
    {
        await using var app = NewApp();
        await app.StartAsync();
        await RunAsync(app);
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        await RunAsync(app);

        var health = await app.Get<HealthQueries>().GetAsync(ServiceName.Todoist, Ct);

        Assert.Equal(HealthStatus.Degraded, health.Status);
        var alert = Assert.Single(health.Alerts, a => a.Code == AlertCodes.ConsecutiveFailures);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.NotNull(alert.Since);
        Assert.Equal((2, 1), (health.LastHourAttempts, health.LastHourFailures));
        Assert.InRange(health.Uptime.Last24Hours!.Value, 0, 0.999);
    }

    [Fact]
    public async Task Get_IsUnhealthy_WithACriticalAlert_AfterThreeFailures()
    {
        await using var app = NewApp();
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        for (var i = 0; i < 3; i++) await RunAsync(app);

        var health = await app.Get<HealthQueries>().GetAsync(ServiceName.Todoist, Ct);

        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.Equal(AlertSeverity.Critical, Assert.Single(health.Alerts, a => a.Code == AlertCodes.ConsecutiveFailures).Severity);
        Assert.Equal(3, health.ConsecutiveFailures);
        Assert.Equal(1, health.LastHourErrorRate);
        Assert.Null(health.LastHourP95Ms);
    }

    [Fact]
    public async Task Get_RaisesMassDeletion_ForARecentRunThatDeletedMostOfTheMirror()
    {
        await using var app = NewApp();
        await app.StartAsync();
        await RunAsync(app);
        await using (var db = await app.CreateDbAsync())
        {
            var now = DateTime.UtcNow;
            db.SyncEvents.Add(new SyncEvent
            {
                Service = ServiceName.Todoist, Type = SyncType.Incremental, Trigger = SyncTrigger.Schedule,
                Status = SyncStatus.Succeeded, StartedUtc = now.AddMinutes(-5), CompletedUtc = now.AddMinutes(-5),
                DurationMs = 100, ItemsDeleted = 10_000,
            });
            await db.SaveChangesAsync(Ct);
        }

        var health = await app.Get<HealthQueries>().GetAsync(ServiceName.Todoist, Ct);

        Assert.Contains(health.Alerts, a => a.Code == AlertCodes.MassDeletion);
        Assert.InRange(health.LargestRecentDeletionShare!.Value, 0.2, 1);
    }

    /// <summary>PERFORMANCE_DEGRADED from stored history, not from a hand-built input: a week of hourly rollups of
    /// incremental syncs around 300 ms is the usual (the median of the merged histograms), and four runs around
    /// 1.5 s in the last hour are the p95 (nearest rank over the raw events).</summary>
    [Fact]
    public async Task Get_RaisesPerformanceDegraded_WhenTheLastHourIsSlowerThanTwiceTheSevenDayMedian()
    {
        await using var app = NewApp();
        await app.StartAsync();
        await SeedPerformanceAsync(app, baselineSyncs: 7 * 24 - 2, recentMs: [1400, 1500, 1550, 1600]);

        var health = await app.Get<HealthQueries>().GetAsync(ServiceName.Todoist, Ct);

        var alert = Assert.Single(health.Alerts);
        Assert.Equal(AlertCodes.PerformanceDegraded, alert.Code);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal(1600, health.LastHourP95Ms); // the 4th of 4: nearest rank
        // Every baseline sync took 270..329 ms; the median from the merged sketches is within 2 % of the exact one.
        NearestRank.AssertWithin(NearestRank.Of(BaselineMs(7 * 24 - 2), 0.5), health.SevenDayMedianMs, "7-day median");
        var factor = Assert.NotNull(health.SlowdownFactor);
        Assert.True(factor > 2, $"slowdown {factor:0.##}");
        Assert.Equal(health.LastHourP95Ms / health.SevenDayMedianMs, factor);
        Assert.Contains("slower than usual", alert.Message);
    }

    /// <summary>Below <see cref="HealthQueries.MinBaselineSyncs"/> timed syncs in the 7 days before the last hour
    /// there is no "usual", so the same slow hour raises nothing; at the minimum it does.</summary>
    [Theory]
    [InlineData(HealthQueries.MinBaselineSyncs - 1, false)]
    [InlineData(HealthQueries.MinBaselineSyncs, true)]
    public async Task Get_JudgesPerformance_OnlyWithTheMinimumBaselineSyncs(int baselineSyncs, bool alerts)
    {
        await using var app = NewApp();
        await app.StartAsync();
        await SeedPerformanceAsync(app, baselineSyncs, recentMs: [1400, 1500, 1550, 1600]);

        var health = await app.Get<HealthQueries>().GetAsync(ServiceName.Todoist, Ct);

        Assert.Equal(1600, health.LastHourP95Ms);
        Assert.Equal(alerts, health.Alerts.Any(a => a.Code == AlertCodes.PerformanceDegraded));
        Assert.Equal(alerts ? HealthStatus.Degraded : HealthStatus.Healthy, health.Status);
        Assert.Equal(alerts, health.SevenDayMedianMs is not null);
        Assert.Equal(alerts, health.SlowdownFactor is not null);
    }

    /// <summary>Incremental syncs of 270..329 ms, one in each hour from two hours ago back (the baseline ends where
    /// the last hour's hour begins), recorded with their hourly rollups as runs record them; then the slow runs in the
    /// last hour, and a sync state that says the service has run.</summary>
    private static IEnumerable<long> BaselineMs(int baselineSyncs) =>
        Enumerable.Range(2, baselineSyncs).Select(k => 270L + k * 37 % 60);

    private static async Task SeedPerformanceAsync(TestApp app, int baselineSyncs, long[] recentMs)
    {
        Assert.InRange(baselineSyncs, 0, 7 * 24 - 2); // inside the 7-day window, however the clock moves meanwhile
        var now = DateTime.UtcNow;
        var hour = MetricArithmetic.HourOf(now);
        var runs = BaselineMs(baselineSyncs)
            .Select((ms, i) => Run(hour.AddHours(-2 - i).AddMinutes(20), ms))
            .Concat(recentMs.Select((ms, i) => Run(now.AddMinutes(-50 + 10 * i), ms)))
            .ToList();
        await using var db = await app.CreateDbAsync();
        await RollupHistory.RecordAsync(db, runs);
        var state = await db.SyncStates.SingleOrDefaultAsync(s => s.Service == ServiceName.Todoist, Ct);
        if (state is null) db.SyncStates.Add(state = new SyncState { Service = ServiceName.Todoist });
        state.LastSuccessfulSyncUtc = state.LastIncrementalSyncUtc = runs[^1].CompletedUtc;
        await db.SaveChangesAsync(Ct);

        static SyncEvent Run(DateTime startedUtc, long ms) => new()
        {
            Service = ServiceName.Todoist, Type = SyncType.Incremental, Trigger = SyncTrigger.Schedule,
            Status = SyncStatus.Succeeded, StartedUtc = startedUtc, CompletedUtc = startedUtc.AddMilliseconds(ms),
            DurationMs = ms, ItemsProcessed = 3,
        };
    }

    [Fact]
    public async Task Get_CountsUptimeFromTheLastAttemptBeforeTheWindow()
    {
        await using var app = NewApp();
        await app.StartAsync();
        await using (var db = await app.CreateDbAsync())
        {
            var now = DateTime.UtcNow;
            foreach (var (daysAgo, status) in new[] { (45, SyncStatus.Succeeded), (40, SyncStatus.Failed), (3, SyncStatus.Succeeded) })
            {
                db.SyncEvents.Add(new SyncEvent
                {
                    Service = ServiceName.Todoist, Type = SyncType.Incremental, Trigger = SyncTrigger.Schedule,
                    Status = status, StartedUtc = now.AddDays(-daysAgo), CompletedUtc = now.AddDays(-daysAgo), DurationMs = 100,
                });
            }
            await db.SaveChangesAsync(Ct);
            await StoredRuns.RollUpAsync(db, Ct);
        }

        var uptime = (await app.Get<HealthQueries>().GetAsync(ServiceName.Todoist, Ct)).Uptime;

        // Down from the failure 40 days ago until the success 3 days ago: 27 of the last 30 days.
        Assert.Equal(1, uptime.Last24Hours);
        Assert.Equal(3.0 / 7, uptime.Last7Days!.Value, 3);
        Assert.Equal(3.0 / 30, uptime.Last30Days!.Value, 3);
    }

    /// <summary>Uptime counts the attempts the objectives count: a run that lost its lease to another node (or was
    /// cancelled by a stopping app) says nothing about the service, so it is not downtime.</summary>
    [Fact]
    public async Task Get_DoesNotCountALeaseLostRunAsDowntime()
    {
        await using var app = NewApp();
        await app.StartAsync();
        var now = DateTime.UtcNow;
        await using (var db = await app.CreateDbAsync())
        {
            foreach (var (hoursAgo, status, code) in new[]
                     {
                         (30, SyncStatus.Succeeded, (string?)null), (12, SyncStatus.Failed, UncountedRuns.LeaseLost),
                         (6, SyncStatus.Failed, "HTTP_503"), (3, SyncStatus.Succeeded, null),
                     })
            {
                db.SyncEvents.Add(new SyncEvent
                {
                    Service = ServiceName.Todoist, Type = SyncType.Incremental, Trigger = SyncTrigger.Schedule,
                    Status = status, ErrorCode = code, StartedUtc = now.AddHours(-hoursAgo), CompletedUtc = now.AddHours(-hoursAgo),
                    DurationMs = 100,
                });
            }
            await db.SaveChangesAsync(Ct);
            await StoredRuns.RollUpAsync(db, Ct);
        }

        var uptime = (await app.Get<HealthQueries>().GetAsync(ServiceName.Todoist, Ct)).Uptime;

        // Down only from the HTTP 503 six hours ago to the success three hours ago.
        Assert.Equal(21.0 / 24, uptime.Last24Hours!.Value, 3);
    }

    private static TestApp NewApp() => new(new Dictionary<string, string?>
    {
        ["Sync:DemoIncrementalCron"] = YearlyCron,
        // Retries far away, so a scheduled retry cannot run between the test's own runs.
        ["Retry:BaseDelaySeconds"] = "600",
        ["Retry:MaxDelaySeconds"] = "3600",
    });

    internal static Task RunAsync(TestApp app) => app.SyncAsync();
}
