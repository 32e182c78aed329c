using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;
using SyncDashboard.Health;

namespace SyncDashboard.Monitoring.Queries;

public sealed class PerformanceTrendQueries(
    IDbContextFactory<MonitoringDbContext> dbFactory, TimeProvider time, IOptions<HealthOptions> healthOptions)
{
    public async Task<PerformanceTrend> GetAsync(string service, PerformanceRange range, CancellationToken ct)
    {
        var options = healthOptions.Value;
        var to = MetricArithmetic.HourOf(time.GetUtcNow().UtcDateTime).AddHours(1);
        var from = to.AddDays(-range.Days);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.SyncMetrics.AsNoTracking()
            .Where(m => m.Service == service && m.Period == MetricPeriod.Hourly &&
                        m.PeriodStartUtc >= from && m.PeriodStartUtc < to)
            .Select(m => new { m.PeriodStartUtc, m.DurationSketch, m.MinDurationMs, m.MaxDurationMs })
            .ToListAsync(ct);

        var whole = DurationSketch.Merge(rows.Select(r => r.DurationSketch));
        var baseline = MetricQueries.Within(whole.Quantile(0.5), rows.Min(r => r.MinDurationMs), rows.Max(r => r.MaxDurationMs));
        var points = new List<PerformancePoint>();
        for (var i = 0; i < range.Days * 24 / range.BucketHours; i++)
        {
            var start = from.AddHours(i * range.BucketHours);
            var end = start.AddHours(range.BucketHours);
            var inPeriod = rows.Where(r => r.PeriodStartUtc >= start && r.PeriodStartUtc < end).ToList();
            var merged = DurationSketch.Merge(inPeriod.Select(r => r.DurationSketch));
            var runs = (int)merged.Count;
            var (shortest, longest) = (inPeriod.Min(r => r.MinDurationMs), inPeriod.Max(r => r.MaxDurationMs));
            var p95 = MetricQueries.Within(merged.Quantile(0.95), shortest, longest);
            // The sketch's p95 (within 1 %) counts full syncs too, which the health rule leaves out: it only nominates
            // a period, and the period's own incremental and webhook runs decide.
            var degraded = IsDegraded(p95, runs, baseline, options) &&
                           await IsDegradedByItsRunsAsync(db, service, start, end, baseline, options, ct);
            points.Add(new PerformancePoint(start, runs, MetricQueries.Within(merged.Quantile(0.5), shortest, longest), p95, degraded));
        }

        var bars = DurationHistogram.Of(whole).Select((count, bucket) => new HistogramBar(
                DurationHistogram.LowerBoundMs(bucket),
                bucket == DurationHistogram.BucketCount - 1 ? null : DurationHistogram.UpperBoundMs(bucket),
                count))
            .ToList();
        return new PerformanceTrend(range, from, to, baseline, options.PerformanceFactor, points, bars);
    }

    /// <summary>The exact p95 of the period's successful incremental and webhook runs against the baseline. Full syncs
    /// are left out as the health evaluator leaves them out: a daily full sync is meant to be slower.</summary>
    private static async Task<bool> IsDegradedByItsRunsAsync(MonitoringDbContext db, string service, DateTime start,
        DateTime end, double? baselineMedianMs, HealthOptions options, CancellationToken ct)
    {
        var durations = await db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == service && e.Status == SyncStatus.Succeeded && e.StartedUtc >= start &&
                        e.StartedUtc < end && e.Type != SyncType.Full && e.DurationMs != null)
            .Select(e => (double)e.DurationMs!.Value)
            .ToListAsync(ct);
        durations.Sort();
        return IsDegraded(PerformanceQueries.Percentile(durations, 0.95), durations.Count, baselineMedianMs, options);
    }

    /// <summary>The health evaluator's slowness rule applied to one period: enough runs, and a p95 above the factor
    /// times the baseline median.</summary>
    public static bool IsDegraded(double? p95Ms, int runs, double? baselineMedianMs, HealthOptions options) =>
        p95Ms is { } p95 && baselineMedianMs is > 0 && runs >= options.MinAttemptsForRates &&
        p95 > options.PerformanceFactor * baselineMedianMs.Value;
}
