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
        // One read of the window from IX_sync_events_status, which carries the type, duration and items for this page,
        // the half compared in SQL so that no time is parsed. Exact percentiles need every duration in order anyway,
        // and the counts, sums, extremes and halves come from the same rows: a week at one run every 30 s is 18,000
        // small rows. (An aggregate in SQL beside a read of each type's durations scanned the window four times, the
        // index being in time order; ranking in SQL with window functions took SQLite longer than reading.)
        var runs = await db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == service && e.Status == SyncStatus.Succeeded && e.DurationMs != null &&
                        e.StartedUtc >= from && e.StartedUtc < to)
            .Select(e => new Run(e.Type, e.StartedUtc >= middle, e.DurationMs!.Value, e.ItemsProcessed))
            .ToListAsync(ct);

        var byType = new List<SyncTypePerformance>();
        foreach (var ofType in Enum.GetValues<SyncType>().Select(t => (Type: t, Runs: runs.Where(r => r.Type == t).ToList())))
        {
            var count = ofType.Runs.Count;
            var totalMs = ofType.Runs.Sum(r => r.DurationMs);
            var first = Half.Of(ofType.Runs.Where(r => !r.InSecondHalf));
            var second = Half.Of(ofType.Runs.Where(r => r.InSecondHalf));
            var sorted = ofType.Runs.Select(r => (double)r.DurationMs).Order().ToArray();
            byType.Add(new SyncTypePerformance(
                ofType.Type,
                count,
                count > 0 ? ofType.Runs.Min(r => r.DurationMs) : null,
                count > 0 ? ofType.Runs.Max(r => r.DurationMs) : null,
                count > 0 ? (double)totalMs / count : null,
                Percentile(sorted, 0.5),
                Percentile(sorted, 0.95),
                totalMs > 0 ? ofType.Runs.Sum(r => (long)r.Items) / (totalMs / 1000.0) : null,
                first?.MeanMs,
                second?.MeanMs,
                first?.Count >= MinRunsPerHalf && second?.Count >= MinRunsPerHalf ? TrendOf(first.MeanMs, second.MeanMs) : null));
        }
        return new PerformanceSummary(days, from, to, byType);
    }

    private sealed record Run(SyncType Type, bool InSecondHalf, long DurationMs, int Items);

    private sealed record Half(int Count, double MeanMs)
    {
        public static Half? Of(IEnumerable<Run> runs)
        {
            var durations = runs.Select(r => r.DurationMs).ToList();
            return durations.Count == 0 ? null : new Half(durations.Count, (double)durations.Sum() / durations.Count);
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
