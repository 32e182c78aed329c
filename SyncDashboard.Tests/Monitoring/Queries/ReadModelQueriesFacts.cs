using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Monitoring.Queries;

/// <summary>The metric, timeline, performance and freshness read models over a real SQLite file and a real PostgreSQL database.</summary>
public sealed class ReadModelQueriesFacts
{
    private const string Service = "todoist";
    private static readonly DateTime Now = new(2026, 11, 20, 12, 30, 0, DateTimeKind.Utc);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static FakeTimeProvider Clock => new(Now);

    [Theory, BothProviders]
    public async Task Timeline_HasEveryHourOfTheWindow_WithZerosWhereNothingRan(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddHourAsync(database, MetricArithmetic.HourOf(Now).AddHours(-3), [100, 300], failures: 1);

        var timeline = await new TimelineQueries(database.Factory(), Clock).GetAsync(Service, 24, Ct);

        Assert.Equal(24, timeline.Hours.Count);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => timeline.From.AddHours(i)), timeline.Hours.Select(h => h.Hour));
        Assert.Equal(MetricArithmetic.HourOf(Now), timeline.Hours[^1].Hour);
        var busy = Assert.Single(timeline.Hours, h => h.Successes + h.Failures > 0);
        Assert.Equal((2, 1, 200.0, 300L), (busy.Successes, busy.Failures, busy.MeanDurationMs!.Value, busy.MaxDurationMs!.Value));
        Assert.All(timeline.Hours.Where(h => h != busy), h => Assert.Null(h.MeanDurationMs));
    }

    [Fact]
    public void DashboardSummary_GivesNulls_ForADayWithoutRuns()
    {
        var summary = DashboardQueries.Summarize([new TimelinePoint(Now, 0, 0, null, null)]);

        Assert.Equal(new RecentPerformanceSummary(0, 0, 0, null, null), summary);
    }

    [Fact]
    public void DashboardSummary_WeighsHourlyMeans_BySuccesses()
    {
        var summary = DashboardQueries.Summarize(
            [new TimelinePoint(Now, 3, 1, 100, 200), new TimelinePoint(Now.AddHours(1), 1, 0, 500, 500)]);

        Assert.Equal(new RecentPerformanceSummary(5, 4, 1, 0.8, 200), summary);
    }

    [Theory, BothProviders]
    public async Task Timeline_ListsManualTriggersInTheWindow(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddEventAsync(database, SyncTrigger.Manual, Now.AddHours(-2), 100);
        await AddEventAsync(database, SyncTrigger.Schedule, Now.AddHours(-1), 100);
        await AddEventAsync(database, SyncTrigger.Manual, Now.AddHours(-30), 100);

        var timeline = await new TimelineQueries(database.Factory(), Clock).GetAsync(Service, 24, Ct);

        var marker = Assert.Single(timeline.ManualTriggers);
        Assert.Equal(Now.AddHours(-2), marker.StartedAt);
    }

    [Theory, BothProviders]
    public async Task Queries_GiveNullsNotNaN_OnAnEmptyDatabase(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var performance = await new PerformanceQueries(database.Factory(), Clock).GetAsync(Service, 7, Ct);
        var metrics = await new MetricQueries(database.Factory()).LatestAsync(Service, MetricPeriod.Hourly, 24, Ct);
        var freshness = await new FreshnessQueries(database.Factory(), Clock).GetAsync(Ct);

        Assert.Empty(metrics);
        Assert.Equal(3, performance.ByType.Count);
        Assert.All(performance.ByType, p =>
        {
            Assert.Equal(0, p.Count);
            Assert.Null(p.MinDurationMs);
            Assert.Null(p.MeanDurationMs);
            Assert.Null(p.MedianDurationMs);
            Assert.Null(p.P95DurationMs);
            Assert.Null(p.ItemsPerSecond);
            Assert.Null(p.Trend);
        });
        Assert.Equal(["items", "projects", "sections", "labels", "notes"], freshness.Select(f => f.Resource));
        Assert.All(freshness, f => Assert.Null(f.LastSyncedAt));
        Assert.All(freshness, f => Assert.Null(f.SyncAgeSeconds));
    }

    [Theory, BothProviders]
    public async Task Metrics_GiveNullPercentiles_ForAnHourOfFailuresOnly(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddHourAsync(database, MetricArithmetic.HourOf(Now), [], failures: 2);

        var row = Assert.Single(await new MetricQueries(database.Factory()).LatestAsync(Service, MetricPeriod.Hourly, 24, Ct));

        Assert.Equal((0, 2, 1.0), (row.Successes, row.Failures, row.ErrorRate!.Value));
        Assert.Null(row.MeanDurationMs);
        Assert.Null(row.P50DurationMs);
        Assert.Null(row.P95DurationMs);
        Assert.Null(row.P99DurationMs);
    }

    [Theory, BothProviders]
    public async Task Metrics_ComeNewestFirst_WithPercentilesFromTheSketch(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddHourAsync(database, MetricArithmetic.HourOf(Now).AddHours(-1), [100, 100, 100, 5000], failures: 0);
        await AddHourAsync(database, MetricArithmetic.HourOf(Now), [20], failures: 0);

        var rows = await new MetricQueries(database.Factory()).LatestAsync(Service, MetricPeriod.Hourly, 24, Ct);

        Assert.Equal([MetricArithmetic.HourOf(Now), MetricArithmetic.HourOf(Now).AddHours(-1)], rows.Select(r => r.PeriodStart));
        // Nearest rank of 100, 100, 100, 5000: the 2nd for p50, the 4th for p95 and p99.
        NearestRank.AssertWithin(100, rows[1].P50DurationMs, "p50");
        NearestRank.AssertWithin(5000, rows[1].P95DurationMs, "p95");
        NearestRank.AssertWithin(5000, rows[1].P99DurationMs, "p99");
        // A single run: never outside the row's shortest and longest run, so exactly its duration.
        Assert.Equal((20.0, 20.0, 20.0), (rows[0].P50DurationMs, rows[0].P95DurationMs, rows[0].P99DurationMs));
        Assert.Equal(1325, rows[1].MeanDurationMs);
    }

    [Theory, BothProviders]
    public async Task Performance_ComputesPercentilesAndThroughput_PerSyncType(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        for (var i = 1; i <= 20; i++)
        {
            await AddEventAsync(database, SyncTrigger.Schedule, Now.AddHours(-i), i * 100, items: 10);
        }
        await AddEventAsync(database, SyncTrigger.Schedule, Now.AddHours(-1), 9999, status: SyncStatus.Failed);
        await AddEventAsync(database, SyncTrigger.Schedule, Now.AddDays(-8), 1);

        await RollUpAsync(database);
        var summary = await new PerformanceQueries(database.Factory(), Clock).GetAsync(Service, 7, Ct);

        var incremental = Assert.Single(summary.ByType, p => p.Type == SyncType.Incremental);
        Assert.Equal(20, incremental.Count);
        Assert.Equal((100L, 2000L), (incremental.MinDurationMs!.Value, incremental.MaxDurationMs!.Value));
        Assert.Equal(1050, incremental.MeanDurationMs);
        // The 10th and the 19th of 20 (nearest rank), from the sketches within 1 %.
        NearestRank.AssertWithin(1000, incremental.MedianDurationMs, "p50", DurationSketch.RelativeAccuracy);
        NearestRank.AssertWithin(1900, incremental.P95DurationMs, "p95", DurationSketch.RelativeAccuracy);
        Assert.Equal(200.0 / 21, incremental.ItemsPerSecond!.Value, 6);
        Assert.Equal(0, Assert.Single(summary.ByType, p => p.Type == SyncType.Full).Count);
    }

    [Theory]
    [InlineData(1, TestProvider.Sqlite)]
    [InlineData(1, TestProvider.PostgreSql)]
    [InlineData(2, TestProvider.Sqlite)]
    [InlineData(2, TestProvider.PostgreSql)]
    [InlineData(7, TestProvider.Sqlite)]
    [InlineData(7, TestProvider.PostgreSql)]
    [InlineData(101, TestProvider.Sqlite)]
    [InlineData(101, TestProvider.PostgreSql)]
    public async Task Performance_Percentiles_AreWithinOnePercentOfTheExactNearestRank_AndTheMeanExact(int runs, TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var random = new Random(runs);
        var durations = Enumerable.Range(0, runs).Select(_ => (long)random.Next(50, 5000)).ToList();
        for (var i = 0; i < runs; i++)
        {
            await AddEventAsync(database, SyncTrigger.Schedule, Now.AddMinutes(-1 - i), durations[i]);
            await AddEventAsync(database, SyncTrigger.Schedule, Now.AddMinutes(-1 - i).AddSeconds(1), 100_000, type: SyncType.Full);
        }

        await RollUpAsync(database);
        var incremental = (await new PerformanceQueries(database.Factory(), Clock).GetAsync(Service, 7, Ct))
            .ByType.Single(p => p.Type == SyncType.Incremental);

        // The runs cross hours: whole ones come from the type rollups, the current one from its runs.
        var sorted = durations.Order().ToArray();
        Assert.Equal(runs, incremental.Count);
        NearestRank.AssertWithin(NearestRank.Of(sorted, 0.5), incremental.MedianDurationMs, "p50", DurationSketch.RelativeAccuracy);
        NearestRank.AssertWithin(NearestRank.Of(sorted, 0.95), incremental.P95DurationMs, "p95", DurationSketch.RelativeAccuracy);
        Assert.Equal(sorted.Average(), incremental.MeanDurationMs!.Value, 6);
        Assert.Equal((sorted[0], sorted[^1]), (incremental.MinDurationMs!.Value, incremental.MaxDurationMs!.Value));
    }

    private static async Task RollUpAsync(TestDatabase database)
    {
        await using var db = database.Open();
        await StoredRuns.RollUpAsync(db, Ct);
    }

    [Theory]
    [InlineData(1000, 800, PerformanceQueries.Improving)]
    [InlineData(1000, 1050, PerformanceQueries.Stable)]
    [InlineData(1000, 1500, PerformanceQueries.Degrading)]
    public void TrendOf_ComparesTheHalves_WithAThreshold(double first, double second, string trend) =>
        Assert.Equal(trend, PerformanceQueries.TrendOf(first, second));

    [Theory, BothProviders]
    public async Task Performance_TellsATrend_OnlyWithEnoughRunsInEachHalf(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        for (var i = 0; i < 3; i++)
        {
            await AddEventAsync(database, SyncTrigger.Schedule, Now.AddDays(-6).AddHours(i), 1000);
            await AddEventAsync(database, SyncTrigger.Schedule, Now.AddDays(-1).AddHours(i), 3000);
        }
        await AddEventAsync(database, SyncTrigger.Schedule, Now.AddDays(-1), 3000, type: SyncType.Full);

        await RollUpAsync(database);
        var summary = await new PerformanceQueries(database.Factory(), Clock).GetAsync(Service, 7, Ct);

        Assert.Equal(PerformanceQueries.Degrading, summary.ByType.Single(p => p.Type == SyncType.Incremental).Trend);
        Assert.Null(summary.ByType.Single(p => p.Type == SyncType.Full).Trend);
    }

    [Theory, BothProviders]
    public async Task Freshness_GivesTheNewestTimesAndTheirAge(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            db.Items.Add(new TodoistItem { Id = "1", UpdatedAtUtc = Now.AddHours(-5), SyncedAtUtc = Now.AddMinutes(-10) });
            db.Items.Add(new TodoistItem { Id = "2", UpdatedAtUtc = Now.AddHours(-2), SyncedAtUtc = Now.AddMinutes(-1) });
            db.Notes.Add(new TodoistNote { Id = "n", PostedAtUtc = Now.AddDays(-1), SyncedAtUtc = Now.AddMinutes(-1) });
            await db.SaveChangesAsync(Ct);
        }

        var rows = (await new FreshnessQueries(database.Factory(), Clock).GetAsync(Ct)).ToDictionary(r => r.Resource);

        Assert.Equal(2, rows["items"].Count);
        Assert.Equal(Now.AddHours(-2), rows["items"].LastChangedAt);
        Assert.Equal(7200, rows["items"].ChangeAgeSeconds);
        Assert.Equal(60, rows["items"].SyncAgeSeconds);
        Assert.Equal(Now.AddDays(-1), rows["notes"].LastChangedAt);
        Assert.Null(rows["labels"].LastChangedAt);
        Assert.Null(rows["projects"].SyncAgeSeconds);
    }

    private static async Task AddHourAsync(TestDatabase database, DateTime hour, long[] durations, int failures)
    {
        var metric = new SyncMetric { Service = Service, Period = MetricPeriod.Hourly, PeriodStartUtc = hour };
        foreach (var ms in durations) MetricArithmetic.Add(metric, SyncStatus.Succeeded, ms, 1, hour);
        for (var i = 0; i < failures; i++) MetricArithmetic.Add(metric, SyncStatus.Failed, null, 0, hour);
        await using var db = database.Open();
        db.SyncMetrics.Add(metric);
        await db.SaveChangesAsync(Ct);
    }

    internal static async Task AddEventAsync(
        TestDatabase database, SyncTrigger trigger, DateTime started, long durationMs, int items = 0,
        SyncStatus status = SyncStatus.Succeeded, SyncType type = SyncType.Incremental)
    {
        await using var db = database.Open();
        db.SyncEvents.Add(new SyncEvent
        {
            Service = Service, Type = type, Trigger = trigger, Status = status, StartedUtc = started,
            CompletedUtc = started.AddMilliseconds(durationMs), DurationMs = durationMs, ItemsProcessed = items,
        });
        await db.SaveChangesAsync(Ct);
    }
}
