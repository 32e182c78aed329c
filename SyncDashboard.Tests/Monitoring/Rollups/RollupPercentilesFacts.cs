using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Monitoring.Retention;
using SyncDashboard.Monitoring.Rollups;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Monitoring.Rollups.RollupHistory;

namespace SyncDashboard.Tests.Monitoring.Rollups;

/// <summary>"Numbers you can trust at a glance": five weeks of realistic runs, rolled up as the app does, and every
/// percentile the dashboard and the API show (p50, p95, p99 of each hour, six hours, day, week and the 30-day window)
/// against the exact nearest-rank percentile over the raw events: all within 2 %. Then retention deletes the events
/// and every answer stays the same.</summary>
public sealed class RollupPercentilesFacts(ITestOutputHelper output)
{
    // Wednesday 4 March 2026 to Thursday 9 April, 06:40: five week boundaries, a 30-day window with a day to spare.
    private static readonly DateTime From = new(2026, 3, 4, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 4, 9, 6, 40, 0, DateTimeKind.Utc);
    private static readonly double[] Quantiles = [0.5, 0.95, 0.99];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothProviders]
    public async Task EveryPercentileShown_IsWithinTwoPerCentOfTheExactOne_BeforeAndAfterRetention(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var events = Realistic(From, Now, seed: 2026);
        await using (var db = database.Open()) await RecordAsync(db, events);
        var time = new FakeTimeProvider(Now);
        await new MetricRollups(database.Factory(), time).RunAsync(Ct);
        var runs = new Runs(events.Where(e => e.Service == Main && e.Status == SyncStatus.Succeeded));

        var before = await AnswersAsync(database, time);
        var checks = before.Select(a => (a.What, a.Estimate, Exact: a.Exact(runs))).ToList();

        var errors = checks.Select(c => (c.What, c.Estimate, c.Exact, Error: c.Estimate is { } e ? NearestRank.ErrorOf(e, c.Exact) : double.PositiveInfinity))
            .OrderByDescending(c => c.Error).ToList();
        output.WriteLine($"{checks.Count} percentiles over {runs.Count} runs; the worst: " +
                         string.Join("; ", errors.Take(3).Select(c => $"{c.What} {c.Estimate:0.#} vs {c.Exact} ms ({c.Error:P2})")));
        Assert.True(checks.Count > 5_000, $"only {checks.Count} percentiles compared");
        foreach (var kind in new[] { "hour", "6 h", "day", "week", "30 d" })
        {
            Assert.Contains(checks, c => c.What.StartsWith(kind + " ", StringComparison.Ordinal) && c.What.Contains("p99"));
        }
        var wrong = errors.Where(c => !(c.Error <= NearestRank.Tolerance)).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {checks.Count} percentiles are more than 2 % off:\n" +
            string.Join('\n', wrong.Take(20).Select(c => $"  {c.What}: {c.Estimate:0.###} ms, exact {c.Exact} ms ({c.Error:P2})")));

        // Retention deletes every run older than a day; the rollups are recomputed; nothing shown moves.
        var purged = await new RetentionPurge(database.Factory(), time,
            Options.Create(new RetentionOptions { EventDays = 1, BatchSize = 5_000 })).RunAsync(Ct);
        await new MetricRollups(database.Factory(), time).RunAsync(Ct);
        await using (var db = database.Open())
        {
            Assert.True(purged.EventsDeleted > events.Count * 9 / 10, $"only {purged.EventsDeleted} of {events.Count} events purged");
            Assert.False(await db.SyncEvents.AnyAsync(e => e.StartedUtc < Now.AddDays(-1), Ct));
        }
        var after = await AnswersAsync(database, time);
        Assert.Equal(before.Select(a => $"{a.What}: {a.Estimate:R}"), after.Select(a => $"{a.What}: {a.Estimate:R}"));
    }

    /// <summary>One percentile as shown: what it is, the estimate, and the runs whose exact percentile it stands for.</summary>
    private sealed record Answer(string What, double? Estimate, DateTime From, DateTime To, double P)
    {
        public long Exact(Runs runs) => NearestRank.Of(runs.Between(From, To), P);
    }

    /// <summary>The raw successful runs by start, to find those of a range by binary search.</summary>
    private sealed class Runs(IEnumerable<SyncEvent> succeeded)
    {
        private readonly SyncEvent[] byStart = succeeded.OrderBy(e => e.StartedUtc).ToArray();

        public int Count => byStart.Length;

        public IEnumerable<long> Between(DateTime from, DateTime to)
        {
            var first = FirstAtOrAfter(from);
            var count = FirstAtOrAfter(to) - first;
            Assert.True(count > 0, $"no run between {from:s} and {to:s}");
            return byStart.Skip(first).Take(count).Select(e => e.DurationMs!.Value);
        }

        private int FirstAtOrAfter(DateTime at)
        {
            var (low, high) = (0, byStart.Length);
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (byStart[middle].StartedUtc < at) low = middle + 1; else high = middle;
            }
            return low;
        }
    }

    /// <summary>Every percentile of <see cref="Main"/> the app shows or serves, from the stored rollups only.</summary>
    private static async Task<List<Answer>> AnswersAsync(TestDatabase database, TimeProvider time)
    {
        var answers = new List<Answer>();
        var factory = database.Factory();

        // Hours, days, weeks: the API's rows (p50, p95, p99; the newest 500 hours) and every stored row's own sketch.
        var metrics = new MetricQueries(factory);
        foreach (var period in new[] { MetricPeriod.Hourly, MetricPeriod.Daily, MetricPeriod.Weekly })
        {
            foreach (var row in await metrics.LatestAsync(Main, period, MetricQueries.MaxLimit, Ct))
            {
                if (row.Successes == 0) continue;
                var end = row.PeriodStart + MetricArithmetic.LengthOf(period);
                var kind = Kind(period);
                answers.Add(new($"{kind} {row.PeriodStart:s} API p50", row.P50DurationMs, row.PeriodStart, end, 0.5));
                answers.Add(new($"{kind} {row.PeriodStart:s} API p95", row.P95DurationMs, row.PeriodStart, end, 0.95));
                answers.Add(new($"{kind} {row.PeriodStart:s} API p99", row.P99DurationMs, row.PeriodStart, end, 0.99));
            }
        }
        List<SyncMetric> stored;
        await using (var db = database.Open())
        {
            stored = await db.SyncMetrics.AsNoTracking().Where(m => m.Service == Main)
                .OrderBy(m => m.Period).ThenBy(m => m.PeriodStartUtc).ToListAsync(Ct);
        }
        foreach (var row in stored.Where(r => r.DurationSketch.Count > 0))
        {
            Add(answers, $"{Kind(row.Period)} {row.PeriodStartUtc:s} row", row.DurationSketch, row.PeriodStartUtc,
                row.PeriodStartUtc + MetricArithmetic.LengthOf(row.Period));
        }

        // Six hours, and the 30-day window: hourly sketches merged, as the pages merge them.
        var hours = stored.Where(r => r.Period == MetricPeriod.Hourly).ToList();
        for (var start = From; start < Now; start = start.AddHours(6))
        {
            Add(answers, $"6 h {start:s} merged", Merged(hours, start, start.AddHours(6)), start, start.AddHours(6));
        }
        var to = MetricArithmetic.HourOf(Now).AddHours(1);
        Add(answers, "30 d window merged", Merged(hours, to.AddDays(-30), to), to.AddDays(-30), to);
        var days = stored.Where(r => r.Period == MetricPeriod.Daily && r.PeriodStartUtc >= MetricArithmetic.DayOf(Now).AddDays(-30)).ToList();
        var dayFrom = MetricArithmetic.DayOf(Now).AddDays(-30);
        Add(answers, "30 d of daily rows merged", DurationSketch.Merge(days.Select(d => d.DurationSketch)), dayFrom, MetricArithmetic.DayOf(Now).AddDays(1));

        // The performance page: hourly points for 24 h, six-hour points for 7 d, daily points for 30 d, and the window's median.
        var trends = new PerformanceTrendQueries(factory, time, Options.Create(new HealthOptions()));
        foreach (var range in PerformanceRange.All)
        {
            var trend = await trends.GetAsync(Main, range, Ct);
            var kind = range.BucketHours switch { 1 => "hour", 6 => "6 h", _ => "day" };
            foreach (var point in trend.Points.Where(p => p.Runs > 0))
            {
                var end = point.Start.AddHours(range.BucketHours);
                answers.Add(new($"{kind} {point.Start:s} performance {range.Key} p50", point.P50DurationMs, point.Start, end, 0.5));
                answers.Add(new($"{kind} {point.Start:s} performance {range.Key} p95", point.P95DurationMs, point.Start, end, 0.95));
            }
            var windowKind = range == PerformanceRange.Month ? "30 d" : range == PerformanceRange.Week ? "week" : "day";
            answers.Add(new($"{windowKind} window performance {range.Key} median", trend.BaselineMedianMs, trend.From, trend.To, 0.5));
        }

        // The timeline: p95 per hour for 24 h and 7 d, per six hours for 30 d.
        var timeline = new TimelineQueries(factory, time);
        foreach (var range in new[] { TimelineRange.Day, TimelineRange.Week, TimelineRange.Month })
        {
            var view = await timeline.ViewAsync(Main, range, Ct);
            foreach (var bucket in view.Buckets.Where(b => b.Successes > 0))
            {
                answers.Add(new($"{(range.BucketHours == 1 ? "hour" : "6 h")} {bucket.Start:s} timeline {range.Key} p95",
                    bucket.P95DurationMs, bucket.Start, bucket.Start.AddHours(range.BucketHours), 0.95));
            }
        }
        return answers;
    }

    private static void Add(List<Answer> answers, string what, DurationSketch sketch, DateTime from, DateTime to)
    {
        if (sketch.Count == 0) return;
        foreach (var p in Quantiles)
        {
            answers.Add(new($"{what} p{(p * 100).ToString(CultureInfo.InvariantCulture)}", sketch.Quantile(p), from, to, p));
        }
    }

    private static DurationSketch Merged(List<SyncMetric> hours, DateTime from, DateTime to) =>
        DurationSketch.Merge(hours.Where(h => h.PeriodStartUtc >= from && h.PeriodStartUtc < to).Select(h => h.DurationSketch));

    private static string Kind(MetricPeriod period) => period switch
    {
        MetricPeriod.Hourly => "hour",
        MetricPeriod.Daily => "day",
        _ => "week",
    };
}
