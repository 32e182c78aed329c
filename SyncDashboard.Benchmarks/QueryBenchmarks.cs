using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Hangfire.InMemory;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Maintenance;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Slo;
using SyncDashboard.Sync;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Simulator;
using SyncDashboard.Webhooks;

namespace SyncDashboard.Benchmarks;

/// <summary>The dashboard's read queries over a year of history (1,000,000 events by default, generated once by
/// <see cref="HistoryGenerator"/> and reused while complete), with the clock standing at the end of that history.</summary>
public abstract class QueryBenchmarkBase
{
    /// <summary>Where the history file lives; another path (or a smaller <see cref="EventsVariable"/>) for a quick look.</summary>
    public const string PathVariable = "SYNCDASHBOARD_HISTORY_DB";
    public const string EventsVariable = "SYNCDASHBOARD_HISTORY_EVENTS";
    public const int LatestCount = 50;
    public const int HourlyRows = 48;
    public const int DailyRows = 30;
    public const int WeeklyRows = 12;
    public const int ReportLimit = 50;
    public const int WebhookRows = 20;
    protected const string Service = ServiceName.Todoist;

    protected IDbContextFactory<MonitoringDbContext> Factory = null!;
    /// <summary>Where executed SQL goes (<see cref="QueryTrace"/>); null in benchmark runs.</summary>
    public Action<string>? CommandLog { get; set; }
    protected DateTime Now;
    protected EventQueries Events = null!;
    protected HealthQueries Health = null!;
    protected MetricQueries Metrics = null!;
    protected TimelineQueries Timeline = null!;
    protected PerformanceQueries Performance = null!;
    protected DashboardQueries Dashboard = null!;
    protected ErrorQueries Errors = null!;
    protected WebhookQueries Webhooks = null!;
    protected FreshnessQueries Freshness = null!;

    public static int HistoryEvents =>
        int.TryParse(Environment.GetEnvironmentVariable(EventsVariable), out var n) && n > 0 ? n : 1_000_000;

    public static string HistoryPath => Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path
        ? path
        : Path.Combine(Path.GetTempPath(), $"syncdashboard-history-{HistoryEvents}.db");

    [GlobalSetup]
    public void GlobalSetup()
    {
        var options = HistoryOptions.Default(HistoryEvents);
        EnsureHistoryFile(options);
        Factory = OpenHistory(options);
        Now = options.EndUtc;
        var time = new FixedTimeProvider(Now);
        var todoist = Options.Create(new TodoistOptions { ApiToken = "benchmark" });
        var targets = new TodoistTargetResolver(todoist, Options.Create(new SimulatorOptions()), new SimulatorEndpoint());
        Events = new EventQueries(Factory);
        Health = new HealthQueries(Factory, time, Options.Create(new HealthOptions()), Options.Create(new RetryOptions()),
            Options.Create(new SyncOptions()), targets, new InMemoryStorage(),
            new SloQueries(Factory, time, Options.Create(new SloOptions()), Options.Create(new SyncOptions()), targets,
                new MaintenanceQueries(Factory, time)), new MaintenanceQueries(Factory, time));
        Metrics = new MetricQueries(Factory);
        Timeline = new TimelineQueries(Factory, time);
        Performance = new PerformanceQueries(Factory, time);
        Dashboard = new DashboardQueries(new StateQueries(Factory, time), Health, Timeline, Events,
            new VerificationQueries(Factory, time));
        Errors = new ErrorQueries(Factory, time);
        Webhooks = new WebhookQueries(Factory, Events, new WebhookSecret(todoist), todoist, time);
        Freshness = new FreshnessQueries(Factory, time);
    }

    [GlobalCleanup]
    public void GlobalCleanup() => SqliteConnection.ClearAllPools();

    /// <summary>Where the queries read the history from: the SQLite file itself here.</summary>
    protected virtual IDbContextFactory<MonitoringDbContext> OpenHistory(HistoryOptions options) =>
        new FileContextFactory(HistoryPath, CommandLog);

    protected static void EnsureHistoryFile(HistoryOptions options)
    {
        if (HistoryGenerator.IsCompleteAsync(HistoryPath, options.Events, CancellationToken.None).GetAwaiter().GetResult()) return;
        var result = HistoryGenerator.GenerateAsync(HistoryPath, options, CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"// Generated {result.Events:N0} events in {result.Elapsed.TotalSeconds:N1} s to {HistoryPath}");
    }
}

/// <summary>The real queries: each iteration is one call, so the p95 is a p95 of single calls.</summary>
[Config(typeof(Config))]
public class QueryBenchmarks : QueryBenchmarkBase
{
    /// <summary>Enough single calls for the JIT's tiered compilation to finish before measuring: with ten, methods
    /// were still being recompiled in the background during the measured calls, which set the p95 of the cheapest
    /// queries (a server that has been up for a minute is past that).</summary>
    public const int WarmUps = 100;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(WarmUps)
                .WithIterationCount(100).WithId("Indexed"));
            AddColumn(StatisticColumn.P95);
        }
    }

    [Benchmark]
    public Task<IReadOnlyList<EventRow>> Latest50() => Events.LatestAsync(Service, LatestCount, CancellationToken.None);

    [Benchmark]
    public Task<ServiceHealth> HealthQuery() => Health.GetAsync(Service, CancellationToken.None);

    [Benchmark]
    public Task<IReadOnlyList<MetricRow>> MetricsHourly() =>
        Metrics.LatestAsync(Service, MetricPeriod.Hourly, HourlyRows, CancellationToken.None);

    [Benchmark]
    public Task<IReadOnlyList<MetricRow>> MetricsDaily() =>
        Metrics.LatestAsync(Service, MetricPeriod.Daily, DailyRows, CancellationToken.None);

    [Benchmark]
    public Task<SyncTimeline> Timeline24h() => Timeline.GetAsync(Service, 24, CancellationToken.None);

    [Benchmark]
    public Task<SyncTimeline> Timeline7d() => Timeline.GetAsync(Service, 24 * 7, CancellationToken.None);

    [Benchmark]
    public Task<PerformanceSummary> Performance7d() => Performance.GetAsync(Service, 7, CancellationToken.None);

    [Benchmark]
    public Task<DashboardSummary> DashboardQuery() => Dashboard.GetAsync(Service, CancellationToken.None);

    [Benchmark]
    public async Task<IReadOnlyList<EventRow>> Failed50() =>
        (await Events.PageAsync(Service, new EventFilter(Status: SyncStatus.Failed), LatestCount, null, CancellationToken.None)).Events;

    [Benchmark]
    public Task<IReadOnlyList<MetricRow>> MetricsWeekly() =>
        Metrics.LatestAsync(Service, MetricPeriod.Weekly, WeeklyRows, CancellationToken.None);

    [Benchmark]
    public Task<ErrorReport> ErrorsOpen() => Errors.ReportAsync(Service, includeResolved: false, ReportLimit, CancellationToken.None);

    [Benchmark]
    public Task<ErrorReport> ErrorsAll() => Errors.ReportAsync(Service, includeResolved: true, ReportLimit, CancellationToken.None);

    [Benchmark]
    public Task<WebhookReport> WebhooksReport() => Webhooks.GetAsync(Service, WebhookRows, CancellationToken.None);

    [Benchmark]
    public Task<IReadOnlyList<FreshnessRow>> FreshnessQuery() => Freshness.GetAsync(CancellationToken.None);
}

/// <summary>The same answers by a full scan: the needed columns of every event loaded with AsNoTracking, then LINQ
/// to objects (no index, no rollups). Slow by design, so few iterations.</summary>
[Config(typeof(Config))]
public class NaiveQueryBenchmarks : QueryBenchmarkBase
{
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
                .WithIterationCount(5).WithId("FullScan"));
            AddColumn(StatisticColumn.P95);
        }
    }

    public sealed record Run(long Id, SyncType Type, SyncTrigger Trigger, SyncStatus Status, DateTime StartedUtc,
        DateTime? CompletedUtc, long? DurationMs, int ItemsProcessed, int ItemsDeleted, FailureKind? ErrorKind, int Changes);

    private async Task<List<Run>> AllRunsAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.SyncEvents.AsNoTracking()
            .Select(e => new Run(e.Id, e.Type, e.Trigger, e.Status, e.StartedUtc, e.CompletedUtc, e.DurationMs,
                e.ItemsProcessed, e.ItemsDeleted, e.ErrorKind, e.ItemsAdded + e.ItemsUpdated + e.ItemsDeleted))
            .ToListAsync();
    }

    [Benchmark]
    public async Task<List<EventRow>> Latest50()
    {
        await using var db = await Factory.CreateDbContextAsync();
        var all = await db.SyncEvents.AsNoTracking()
            .Select(e => new EventRow(e.Id, e.Type, e.Trigger, e.Status, e.StartedUtc, e.CompletedUtc, e.DurationMs,
                e.ItemsProcessed, e.ItemsAdded, e.ItemsUpdated, e.ItemsDeleted, e.ErrorCode, e.ErrorMessage,
                e.HttpStatus, e.Attempt, e.ErrorChainId, e.JobId))
            .ToListAsync();
        return all.OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.Id).Take(LatestCount).ToList();
    }

    [Benchmark]
    public async Task<object> HealthQuery() => HealthOf(await AllRunsAsync());

    [Benchmark]
    public async Task<List<MetricRow>> MetricsHourly() => RollUp(await AllRunsAsync(), MetricArithmetic.HourOf, HourlyRows);

    [Benchmark]
    public async Task<List<MetricRow>> MetricsDaily() => RollUp(await AllRunsAsync(), MetricArithmetic.DayOf, DailyRows);

    [Benchmark]
    public async Task<List<TimelinePoint>> Timeline24h() => TimelineOf(await AllRunsAsync(), 24);

    [Benchmark]
    public async Task<List<TimelinePoint>> Timeline7d() => TimelineOf(await AllRunsAsync(), 24 * 7);

    [Benchmark]
    public async Task<object> Performance7d()
    {
        var from = Now.AddDays(-7);
        return (await AllRunsAsync())
            .Where(r => r.Status == SyncStatus.Succeeded && r.DurationMs != null && r.StartedUtc >= from && r.StartedUtc < Now)
            .GroupBy(r => r.Type)
            .Select(g =>
            {
                var sorted = g.Select(r => (double)r.DurationMs!.Value).Order().ToArray();
                return new { g.Key, Count = sorted.Length, Mean = sorted.Average(), P50 = PerformanceQueries.Percentile(sorted, 0.5),
                    P95 = PerformanceQueries.Percentile(sorted, 0.95), Items = g.Sum(r => (long)r.ItemsProcessed) };
            })
            .ToList();
    }

    [Benchmark]
    public async Task<object> DashboardQuery()
    {
        var runs = await AllRunsAsync();
        var health = HealthOf(runs);
        var day = TimelineOf(runs, DashboardQueries.PerformanceHours);
        var recent = runs.OrderByDescending(r => r.StartedUtc).ThenByDescending(r => r.Id)
            .Take(DashboardQueries.RecentActivityCount).ToList();
        return (health, DashboardQueries.Summarize(day), recent);
    }

    [Benchmark]
    public async Task<List<Run>> Failed50() =>
        (await AllRunsAsync()).Where(r => r.Status == SyncStatus.Failed)
        .OrderByDescending(r => r.StartedUtc).ThenByDescending(r => r.Id).Take(LatestCount).ToList();

    [Benchmark]
    public async Task<List<MetricRow>> MetricsWeekly() => RollUp(await AllRunsAsync(), MetricArithmetic.WeekOf, WeeklyRows);

    [Benchmark]
    public Task<object> ErrorsOpen() => ErrorReportOf(includeResolved: false);

    [Benchmark]
    public Task<object> ErrorsAll() => ErrorReportOf(includeResolved: true);

    /// <summary>Every chain and every event of a chain loaded, grouped and paged in memory.</summary>
    private async Task<object> ErrorReportOf(bool includeResolved)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var chains = (await db.SyncErrors.AsNoTracking().ToListAsync())
            .Where(c => includeResolved || c.ResolvedUtc is null).ToList();
        var attempts = (await db.SyncEvents.AsNoTracking().Where(e => e.ErrorChainId != null)
            .Select(e => new { e.ErrorChainId, e.Id, e.Attempt, e.Status, e.StartedUtc, e.ErrorCode }).ToListAsync())
            .ToLookup(e => e.ErrorChainId!.Value);
        var byKind = chains.GroupBy(c => c.Kind).Select(g => (g.Key, g.Count(), g.Count(c => c.ResolvedUtc is null))).ToList();
        var page = chains.OrderByDescending(c => c.LastOccurredUtc).ThenByDescending(c => c.Id).Take(ReportLimit)
            .Select(c => (c, attempts[c.Id].OrderBy(a => a.Id).ToList())).ToList();
        return (byKind, page);
    }

    /// <summary>Every delivery and every event loaded; the latest deliveries with their syncs, the webhook syncs
    /// with their deliveries, the last day's counts and the missed deliveries of the last 50 syncs, in memory.</summary>
    [Benchmark]
    public async Task<object> WebhooksReport()
    {
        var runs = await AllRunsAsync();
        await using var db = await Factory.CreateDbContextAsync();
        var deliveries = await db.WebhookDeliveries.AsNoTracking().ToListAsync();
        var byId = runs.ToDictionary(r => r.Id);
        var latest = deliveries.OrderByDescending(d => d.ReceivedUtc).ThenByDescending(d => d.Id).Take(WebhookRows)
            .Select(d => (d, d.SyncEventId is { } id ? byId[id] : null)).ToList();
        var covered = deliveries.Where(d => d.SyncEventId != null).ToLookup(d => d.SyncEventId!.Value);
        var syncs = runs.Where(r => r.Trigger == SyncTrigger.Webhook)
            .OrderByDescending(r => r.StartedUtc).ThenByDescending(r => r.Id).Take(WebhookRows)
            .Select(r => (r, covered[r.Id].Count())).ToList();
        var since = Now.AddHours(-24);
        var day = deliveries.Where(d => d.ReceivedUtc >= since).ToList();
        var windows = runs.Where(r => r.Status == SyncStatus.Succeeded)
            .OrderByDescending(r => r.StartedUtc).ThenByDescending(r => r.Id).Take(WebhookQueries.MissedSyncCount + 1)
            .Reverse().Select(r => new SyncWindow(r.Id, r.Type, r.Trigger, r.StartedUtc, r.Changes)).ToList();
        var missed = MissedDeliveries.Count(windows,
            deliveries.Select(d => new Announcement(d.ObjectType, d.ObjectId, d.TriggeredUtc!.Value)).ToList(),
            MissedDeliveries.MirroredObjectTypes(new TodoistOptions().ResourceTypes));
        return (latest, syncs, day.Count, day.Sum(d => d.Redeliveries), missed);
    }

    /// <summary>Every mirrored row loaded (the mirror is small: 3,000 tasks), newest change and sync found in memory.</summary>
    [Benchmark]
    public async Task<object> FreshnessQuery()
    {
        await using var db = await Factory.CreateDbContextAsync();
        var items = await db.Items.AsNoTracking().Select(i => new { i.UpdatedAtUtc, i.SyncedAtUtc }).ToListAsync();
        var projects = await db.Projects.AsNoTracking().Select(p => new { p.UpdatedAtUtc, p.SyncedAtUtc }).ToListAsync();
        var sections = await db.Sections.AsNoTracking().Select(x => new { x.UpdatedAtUtc, x.SyncedAtUtc }).ToListAsync();
        var labels = await db.Labels.AsNoTracking().Select(l => l.SyncedAtUtc).ToListAsync();
        var notes = await db.Notes.AsNoTracking().Select(n => new { n.PostedAtUtc, n.SyncedAtUtc }).ToListAsync();
        return (items.Count, items.Max(i => i.UpdatedAtUtc), items.Max(i => i.SyncedAtUtc),
            projects.Count, projects.Max(p => p.UpdatedAtUtc), sections.Count, sections.Max(x => x.UpdatedAtUtc),
            labels.Count, labels.DefaultIfEmpty().Max(), notes.Count, notes.Max(n => n.PostedAtUtc));
    }

    private object HealthOf(List<Run> runs)
    {
        var hourAgo = Now.AddHours(-1);
        var weekAgo = Now.AddDays(-7);
        var finished = runs.Where(r => r.Status != SyncStatus.Started).ToList();
        var lastHour = finished.Where(r => r.StartedUtc >= hourAgo).ToList();
        var lastFailure = runs.Where(r => r.Status == SyncStatus.Failed).MaxBy(r => (r.StartedUtc, r.Id))?.ErrorKind;
        var hourDurations = runs.Where(r => r.Status == SyncStatus.Succeeded && r.StartedUtc >= MetricArithmetic.HourOf(hourAgo))
            .Select(r => (double)r.DurationMs!.Value).Order().ToArray();
        var weekDurations = runs.Where(r => r.Status == SyncStatus.Succeeded && r.StartedUtc >= weekAgo)
            .Select(r => (double)r.DurationMs!.Value).Order().ToArray();
        var deletion = runs.Where(r => r.Status == SyncStatus.Succeeded && r.StartedUtc >= Now.AddDays(-1) && r.ItemsDeleted > 0)
            .MaxBy(r => r.ItemsDeleted);
        var monthAgo = Now.AddDays(-30);
        var points = finished.Where(r => r.StartedUtc >= monthAgo)
            .Append(finished.Where(r => r.StartedUtc < monthAgo).MaxBy(r => (r.StartedUtc, r.Id))!)
            .OrderBy(r => r.CompletedUtc ?? r.StartedUtc)
            .Select(r => new AttemptPoint(r.CompletedUtc ?? r.StartedUtc, r.Status == SyncStatus.Succeeded)).ToList();
        return (lastHour.Count, lastHour.Count(r => r.Status == SyncStatus.Failed), lastFailure,
            PerformanceQueries.Percentile(hourDurations, 0.95), PerformanceQueries.Percentile(weekDurations, 0.5),
            deletion?.ItemsDeleted, Uptime.Summarize(points, Now));
    }

    private static List<MetricRow> RollUp(List<Run> runs, Func<DateTime, DateTime> periodOf, int limit) =>
        runs.Where(r => r.Status != SyncStatus.Started)
            .GroupBy(r => periodOf(r.StartedUtc))
            .OrderByDescending(g => g.Key)
            .Take(limit)
            .Select(g =>
            {
                var metric = new SyncMetric { Service = Service, PeriodStartUtc = g.Key };
                foreach (var r in g) MetricArithmetic.Add(metric, r.Status, r.DurationMs, r.ItemsProcessed, r.CompletedUtc ?? r.StartedUtc);
                return new MetricRow(MetricPeriod.Hourly, g.Key, metric.SuccessCount, metric.FailureCount, metric.ItemsProcessed,
                    MetricQueries.MeanOf(metric.TotalDurationMs, metric.SuccessCount), metric.MinDurationMs,
                    metric.MaxDurationMs, metric.ErrorRate, metric.DurationSketch.Quantile(0.5),
                    metric.DurationSketch.Quantile(0.95), metric.DurationSketch.Quantile(0.99));
            })
            .ToList();

    private List<TimelinePoint> TimelineOf(List<Run> runs, int hours)
    {
        var to = MetricArithmetic.HourOf(Now).AddHours(1);
        var from = to.AddHours(-hours);
        var byHour = runs.Where(r => r.StartedUtc >= from && r.StartedUtc < to && r.Status != SyncStatus.Started)
            .ToLookup(r => MetricArithmetic.HourOf(r.StartedUtc));
        return Enumerable.Range(0, hours).Select(i =>
        {
            var hour = from.AddHours(i);
            var ok = byHour[hour].Where(r => r.Status == SyncStatus.Succeeded && r.DurationMs != null).ToList();
            return new TimelinePoint(hour, ok.Count, byHour[hour].Count(r => r.Status == SyncStatus.Failed),
                ok.Count > 0 ? ok.Average(r => r.DurationMs!.Value) : null,
                ok.Count > 0 ? ok.Max(r => r.DurationMs!.Value) : null);
        }).ToList();
    }
}
