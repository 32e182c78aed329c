using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

public sealed class MetricQueries(IDbContextFactory<MonitoringDbContext> dbFactory)
{
    public const int MaxLimit = 500;

    /// <summary>The latest <paramref name="limit"/> rows of one period, newest first.</summary>
    public async Task<IReadOnlyList<MetricRow>> LatestAsync(
        string service, MetricPeriod period, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.SyncMetrics.AsNoTracking()
            // An hourly row without counts only logs the attempts that ended in its hour (for the objectives).
            .Where(m => m.Service == service && m.Period == period && m.SuccessCount + m.FailureCount > 0)
            .OrderByDescending(m => m.PeriodStartUtc)
            .Take(limit)
            .Select(m => new
            {
                m.Period, m.PeriodStartUtc, m.SuccessCount, m.FailureCount, m.ItemsProcessed, m.TotalDurationMs,
                m.MinDurationMs, m.MaxDurationMs, m.ErrorRate, m.DurationSketch,
            })
            .ToListAsync(ct);
        return rows.Select(m => new MetricRow(
            m.Period, m.PeriodStartUtc, m.SuccessCount, m.FailureCount, m.ItemsProcessed,
            MeanOf(m.TotalDurationMs, m.SuccessCount), m.MinDurationMs, m.MaxDurationMs, m.ErrorRate,
            Within(m.DurationSketch.Quantile(0.5), m.MinDurationMs, m.MaxDurationMs),
            Within(m.DurationSketch.Quantile(0.95), m.MinDurationMs, m.MaxDurationMs),
            Within(m.DurationSketch.Quantile(0.99), m.MinDurationMs, m.MaxDurationMs))).ToList();
    }

    /// <summary>A sketch's quantile is within 1 % of the true one; it is never below the shortest run or above the
    /// longest one, so a row of one run, or of runs that all took the same time, says exactly that.</summary>
    internal static double? Within(double? value, long? shortest, long? longest) =>
        value is not { } v ? null : Math.Min(Math.Max(v, shortest ?? v), longest ?? v);

    /// <summary>A mean that is null, never NaN, when nothing was counted.</summary>
    internal static double? MeanOf(long total, long count) => count > 0 ? (double)total / count : null;
}
