using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

public sealed class PerformanceQueries(IDbContextFactory<MonitoringDbContext> dbFactory, TimeProvider time)
{
    public const int MaxDays = 90;
    public const string Improving = "improving";
    public const string Stable = "stable";
    public const string Degrading = "degrading";
    /// <summary>A change of the mean by less than this share is noise, not a trend.</summary>
    public const double TrendThreshold = 0.1;
    /// <summary>The fewest runs each half needs before a trend is told.</summary>
    public const int MinRunsPerHalf = 3;

    /// <summary>Per sync type over the last <paramref name="days"/>: the successful timed runs' count, extremes, mean,
    /// median and p95, throughput and the trend between the window's halves. Whole hours come from the type rollups
    /// (<see cref="SyncTypeMetric"/>: a week is 168 rows a type, 90 days 2,160), the hours the window only partly
    /// covers (its first, the one its middle falls in, the current one) from their runs. Counts, extremes, means and
    /// throughput are exact; the median and p95 come from the merged duration sketches, within 1 % of the exact
    /// nearest-rank value and never outside the shortest and longest run.</summary>
    public async Task<PerformanceSummary> GetAsync(string service, int days, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var to = time.GetUtcNow().UtcDateTime;
        var from = to.AddDays(-days);
        var middle = from + (to - from) / 2;
        var firstWhole = NextHour(from);
        var lastWhole = MetricArithmetic.HourOf(to);
        var middleHour = MetricArithmetic.HourOf(middle);
        var middleIsWhole = middleHour == middle;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.SyncTypeMetrics.AsNoTracking()
            .Where(m => m.Service == service && m.HourStartUtc >= firstWhole && m.HourStartUtc < lastWhole &&
                        (middleIsWhole || m.HourStartUtc != middleHour))
            .Select(m => new
            {
                m.Type, m.HourStartUtc, m.Runs, m.TotalDurationMs, m.MinDurationMs, m.MaxDurationMs, m.ItemsProcessed,
                m.DurationSketch,
            })
            .ToListAsync(ct);
        var runs = new List<Run>();
        runs.AddRange(await RunsAsync(db, service, from, firstWhole, middle, ct));
        if (!middleIsWhole) runs.AddRange(await RunsAsync(db, service, middleHour, NextHour(middle), middle, ct));
        runs.AddRange(await RunsAsync(db, service, lastWhole, to, middle, ct));

        var byType = new List<SyncTypePerformance>();
        foreach (var type in Enum.GetValues<SyncType>())
        {
            var halves = new[] { new Tally(), new Tally() };
            var sketches = new List<DurationSketch>();
            foreach (var row in rows.Where(r => r.Type == type))
            {
                halves[row.HourStartUtc >= middle ? 1 : 0].Add(row.Runs, row.TotalDurationMs, row.MinDurationMs,
                    row.MaxDurationMs, row.ItemsProcessed);
                sketches.Add(row.DurationSketch);
            }
            var ofType = runs.Where(r => r.Type == type).ToList();
            foreach (var run in ofType) halves[run.InSecondHalf ? 1 : 0].Add(1, run.DurationMs, run.DurationMs, run.DurationMs, run.Items);
            sketches.Add(DurationSketch.Of(ofType.Select(r => r.DurationMs)));

            var all = Tally.Sum(halves[0], halves[1]);
            var sketch = DurationSketch.Merge(sketches);
            var (first, second) = (halves[0].MeanMs, halves[1].MeanMs);
            byType.Add(new SyncTypePerformance(
                type,
                all.Runs,
                all.MinMs,
                all.MaxMs,
                all.MeanMs,
                MetricQueries.Within(sketch.Quantile(0.5), all.MinMs, all.MaxMs),
                MetricQueries.Within(sketch.Quantile(0.95), all.MinMs, all.MaxMs),
                all.TotalMs > 0 ? all.Items / (all.TotalMs / 1000.0) : null,
                first,
                second,
                halves[0].Runs >= MinRunsPerHalf && halves[1].Runs >= MinRunsPerHalf ? TrendOf(first!.Value, second!.Value) : null));
        }
        return new PerformanceSummary(days, from, to, byType);
    }

    private static DateTime NextHour(DateTime utc) =>
        MetricArithmetic.HourOf(utc) == utc ? utc : MetricArithmetic.HourOf(utc).AddHours(1);

    /// <summary>The successful timed runs that started in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), at
    /// most an hour: from IX_sync_events_status alone (it carries the type, duration and items), the half compared in
    /// SQL so that no time is parsed.</summary>
    private static Task<List<Run>> RunsAsync(
        MonitoringDbContext db, string service, DateTime fromUtc, DateTime toUtc, DateTime middle, CancellationToken ct) =>
        fromUtc >= toUtc
            ? Task.FromResult(new List<Run>())
            : db.SyncEvents.AsNoTracking()
                .Where(e => e.Service == service && e.Status == SyncStatus.Succeeded && e.DurationMs != null &&
                            e.StartedUtc >= fromUtc && e.StartedUtc < toUtc)
                .Select(e => new Run(e.Type, e.StartedUtc >= middle, e.DurationMs!.Value, e.ItemsProcessed))
                .ToListAsync(ct);

    private sealed record Run(SyncType Type, bool InSecondHalf, long DurationMs, int Items);

    /// <summary>Counts, sums and extremes of some runs of one type.</summary>
    private sealed class Tally
    {
        public int Runs { get; private set; }
        public long TotalMs { get; private set; }
        public long? MinMs { get; private set; }
        public long? MaxMs { get; private set; }
        public long Items { get; private set; }
        public double? MeanMs => MetricQueries.MeanOf(TotalMs, Runs);

        public void Add(int runs, long totalMs, long? minMs, long? maxMs, long items)
        {
            if (runs == 0) return;
            Runs += runs;
            TotalMs += totalMs;
            MinMs = MinMs is { } min && (minMs is null || min <= minMs) ? min : minMs;
            MaxMs = MaxMs is { } max && (maxMs is null || max >= maxMs) ? max : maxMs;
            Items += items;
        }

        public static Tally Sum(Tally a, Tally b)
        {
            var sum = new Tally();
            sum.Add(a.Runs, a.TotalMs, a.MinMs, a.MaxMs, a.Items);
            sum.Add(b.Runs, b.TotalMs, b.MinMs, b.MaxMs, b.Items);
            return sum;
        }
    }

    /// <summary>The <paramref name="p"/> quantile of sorted values, interpolated linearly between the two closest
    /// ranks; null for none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return null;
        var rank = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }

    /// <summary>Shorter durations are better: a second half faster by more than the threshold is improving.</summary>
    public static string TrendOf(double firstMeanMs, double secondMeanMs)
    {
        if (firstMeanMs <= 0) return secondMeanMs > 0 ? Degrading : Stable;
        var change = (secondMeanMs - firstMeanMs) / firstMeanMs;
        return change < -TrendThreshold ? Improving : change > TrendThreshold ? Degrading : Stable;
    }
}
