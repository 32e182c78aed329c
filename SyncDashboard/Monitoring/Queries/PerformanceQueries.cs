using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>How fast one sync type ran over the window, from its successful runs. Every statistic is null when no
/// run has a duration; <paramref name="Trend"/> compares the mean of the window's second half with its first
/// (<see cref="PerformanceQueries.Improving"/>, <see cref="PerformanceQueries.Stable"/>,
/// <see cref="PerformanceQueries.Degrading"/>) and is null while either half has too few runs.</summary>
public sealed record SyncTypePerformance(
    SyncType Type,
    int Count,
    long? MinDurationMs,
    long? MaxDurationMs,
    double? MeanDurationMs,
    double? MedianDurationMs,
    double? P95DurationMs,
    double? ItemsPerSecond,
    double? FirstHalfMeanMs,
    double? SecondHalfMeanMs,
    string? Trend);

public sealed record PerformanceSummary(int Days, DateTime From, DateTime To, IReadOnlyList<SyncTypePerformance> ByType);

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
        // Raw runs, bounded by the window, projected to the four columns the statistics need.
        var runs = await db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == service && e.Status == SyncStatus.Succeeded && e.DurationMs != null &&
                        e.StartedUtc >= from && e.StartedUtc < to)
            .Select(e => new { e.Type, e.StartedUtc, DurationMs = e.DurationMs!.Value, e.ItemsProcessed })
            .ToListAsync(ct);

        var byType = Enum.GetValues<SyncType>().Select(type =>
        {
            var ofType = runs.Where(r => r.Type == type).ToList();
            var sorted = ofType.Select(r => (double)r.DurationMs).Order().ToArray();
            var totalMs = ofType.Sum(r => r.DurationMs);
            var first = ofType.Where(r => r.StartedUtc < middle).Select(r => (double)r.DurationMs).ToList();
            var second = ofType.Where(r => r.StartedUtc >= middle).Select(r => (double)r.DurationMs).ToList();
            double? firstMean = first.Count > 0 ? first.Average() : null;
            double? secondMean = second.Count > 0 ? second.Average() : null;
            return new SyncTypePerformance(
                type,
                ofType.Count,
                ofType.Count > 0 ? ofType.Min(r => r.DurationMs) : null,
                ofType.Count > 0 ? ofType.Max(r => r.DurationMs) : null,
                sorted.Length > 0 ? sorted.Average() : null,
                Percentile(sorted, 0.5),
                Percentile(sorted, 0.95),
                totalMs > 0 ? ofType.Sum(r => (long)r.ItemsProcessed) / (totalMs / 1000.0) : null,
                firstMean,
                secondMean,
                first.Count >= MinRunsPerHalf && second.Count >= MinRunsPerHalf ? TrendOf(firstMean!.Value, secondMean!.Value) : null);
        }).ToList();
        return new PerformanceSummary(days, from, to, byType);
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
