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

    public async Task<PerformanceSummary> GetAsync(string service, int days, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var to = time.GetUtcNow().UtcDateTime;
        var from = to.AddDays(-days);
        var middle = from + (to - from) / 2;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == service && e.Status == SyncStatus.Succeeded && e.DurationMs != null &&
                        e.StartedUtc >= from && e.StartedUtc < to);
        // Everything but the percentiles is a sum, a count or an extreme: SQL computes them per type and half of the
        // window, so a week of runs (18,000 at one every 30 s) comes back as at most six rows. Both queries read
        // IX_sync_events_status alone: it carries the type, duration and items for this page.
        var halves = await runs
            .GroupBy(e => new { e.Type, InSecondHalf = e.StartedUtc >= middle })
            .Select(g => new Half(g.Key.Type, g.Key.InSecondHalf, g.Count(), g.Sum(e => e.DurationMs!.Value),
                g.Min(e => e.DurationMs!.Value), g.Max(e => e.DurationMs!.Value), g.Sum(e => (long)e.ItemsProcessed)))
            .ToListAsync(ct);

        var byType = new List<SyncTypePerformance>();
        foreach (var type in Enum.GetValues<SyncType>())
        {
            var ofType = halves.Where(h => h.Type == type).ToList();
            var count = ofType.Sum(h => h.Count);
            var totalMs = ofType.Sum(h => h.TotalMs);
            var first = ofType.SingleOrDefault(h => !h.InSecondHalf);
            var second = ofType.SingleOrDefault(h => h.InSecondHalf);
            // Exact percentiles need every duration: one column of one type, read from the covering index.
            var sorted = count == 0
                ? []
                : (await runs.Where(e => e.Type == type).Select(e => e.DurationMs!.Value).ToListAsync(ct))
                    .Select(d => (double)d).Order().ToArray();
            byType.Add(new SyncTypePerformance(
                type,
                count,
                count > 0 ? ofType.Min(h => h.MinMs) : null,
                count > 0 ? ofType.Max(h => h.MaxMs) : null,
                count > 0 ? (double)totalMs / count : null,
                Percentile(sorted, 0.5),
                Percentile(sorted, 0.95),
                totalMs > 0 ? ofType.Sum(h => h.Items) / (totalMs / 1000.0) : null,
                first?.MeanMs,
                second?.MeanMs,
                first?.Count >= MinRunsPerHalf && second?.Count >= MinRunsPerHalf ? TrendOf(first.MeanMs, second.MeanMs) : null));
        }
        return new PerformanceSummary(days, from, to, byType);
    }

    private sealed record Half(SyncType Type, bool InSecondHalf, int Count, long TotalMs, long MinMs, long MaxMs, long Items)
    {
        public double MeanMs => (double)TotalMs / Count;
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
