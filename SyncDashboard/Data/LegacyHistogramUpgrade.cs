using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Data;

/// <summary>Gives rollup rows written before <see cref="DurationSketch"/> (those with a
/// <see cref="SyncMetric.LegacyDurationHistogram"/>) their sketch, once. An hourly row whose runs are all still there
/// is recomputed from them, exactly as if it had been written with a sketch; one whose runs retention deleted (or
/// whose remaining runs no longer match its buckets) gets <see cref="DurationHistogram.ToSketch"/>, as coarse as its
/// buckets were. A daily or weekly row is the merge of its converted hours (what the rollup job would compute), or its
/// own buckets converted when its hours do not account for it. Only the sketch and the legacy column change.</summary>
/// <remarks>Week by week, each saved on its own, so a large history never holds one long transaction and an interrupted
/// upgrade continues where it stopped. Idempotent and deterministic: nodes starting together compute the same rows.</remarks>
public static class LegacyHistogramUpgrade
{
    public static async Task<LegacyHistogramUpgradeResult> RunAsync(
        IDbContextFactory<MonitoringDbContext> dbFactory, CancellationToken ct)
    {
        List<(string Service, DateTime Week)> weeks;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var legacy = await db.SyncMetrics.AsNoTracking()
                .Where(m => m.LegacyDurationHistogram != null)
                .Select(m => new { m.Service, m.PeriodStartUtc })
                .ToListAsync(ct);
            weeks = legacy.Select(m => (m.Service, Week: MetricArithmetic.WeekOf(m.PeriodStartUtc)))
                .Distinct().OrderBy(w => w.Week).ThenBy(w => w.Service, StringComparer.Ordinal).ToList();
        }

        var result = new LegacyHistogramUpgradeResult(0, 0, 0, 0);
        foreach (var (service, week) in weeks)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            result += await UpgradeWeekAsync(db, service, week, ct);
            await db.SaveChangesAsync(ct);
        }
        return result;
    }

    private static async Task<LegacyHistogramUpgradeResult> UpgradeWeekAsync(
        MonitoringDbContext db, string service, DateTime week, CancellationToken ct)
    {
        var end = week + MetricArithmetic.LengthOf(MetricPeriod.Weekly);
        var rows = await db.SyncMetrics
            .Where(m => m.Service == service && m.PeriodStartUtc >= week && m.PeriodStartUtc < end)
            .ToListAsync(ct);
        var runs = (await db.SyncEvents.AsNoTracking()
                .Where(e => e.Service == service && e.Status == SyncStatus.Succeeded && e.DurationMs != null &&
                            e.StartedUtc >= week && e.StartedUtc < end)
                .Select(e => new { e.StartedUtc, Ms = e.DurationMs!.Value })
                .ToListAsync(ct))
            .ToLookup(e => MetricArithmetic.HourOf(e.StartedUtc), e => e.Ms);

        int fromRuns = 0, fromBuckets = 0, merged = 0, keptBuckets = 0;
        var hours = rows.Where(r => r.Period == MetricPeriod.Hourly).ToList();
        foreach (var hour in hours.Where(h => h.LegacyDurationHistogram is not null))
        {
            var durations = runs[hour.PeriodStartUtc].ToList();
            if (Buckets(durations).AsSpan().SequenceEqual(hour.LegacyDurationHistogram))
            {
                hour.DurationSketch = DurationSketch.Of(durations);
                fromRuns++;
            }
            else
            {
                hour.DurationSketch = DurationHistogram.ToSketch(hour.LegacyDurationHistogram!);
                fromBuckets++;
            }
            hour.LegacyDurationHistogram = null;
        }

        foreach (var longer in rows.Where(r => r.Period != MetricPeriod.Hourly && r.LegacyDurationHistogram is not null))
        {
            var periodEnd = longer.PeriodStartUtc + MetricArithmetic.LengthOf(longer.Period);
            var inside = DurationSketch.Merge(hours
                .Where(h => h.PeriodStartUtc >= longer.PeriodStartUtc && h.PeriodStartUtc < periodEnd)
                .Select(h => h.DurationSketch));
            var buckets = longer.LegacyDurationHistogram!;
            if (inside.Count == buckets.Sum())
            {
                longer.DurationSketch = inside;
                merged++;
            }
            else
            {
                longer.DurationSketch = DurationHistogram.ToSketch(buckets);
                keptBuckets++;
            }
            longer.LegacyDurationHistogram = null;
        }
        return new LegacyHistogramUpgradeResult(fromRuns, fromBuckets, merged, keptBuckets);
    }

    private static int[] Buckets(IEnumerable<long> durations)
    {
        var counts = DurationHistogram.Empty();
        foreach (var ms in durations) counts[DurationHistogram.BucketOf(ms)]++;
        return counts;
    }
}
