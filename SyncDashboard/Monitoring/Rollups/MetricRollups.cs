using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Rollups;

/// <summary>Rolls the hourly rows kept by each run into daily and weekly rows. Idempotent: every affected week, and
/// each of its days, is recomputed from its hourly rows (never incremented), so running twice gives the same rows and
/// a failed run is repaired by the next one.</summary>
public sealed class MetricRollups(IDbContextFactory<MonitoringDbContext> dbFactory, TimeProvider time)
{
    /// <summary>How far before the newest rolled-up write a late hourly write is still looked for. A run stamps its
    /// hourly row with the time it started writing and commits a moment later, and nodes' clocks differ a little;
    /// an hour covers both with room to spare, and recomputing a few weeks too many costs nothing but a query.</summary>
    public static readonly TimeSpan LateWriteAllowance = TimeSpan.FromHours(1);

    public async Task<RollupResult> RunAsync(CancellationToken ct)
    {
        // Rows kept as histograms get their sketch first (at start-up, unless an operator applies the migrations), so
        // no week is combined from hours without one; a no-op query once they have.
        await LegacyHistogramUpgrade.RunAsync(dbFactory, ct);
        await AttemptEndsUpgrade.RunAsync(dbFactory, ct);
        var currentWeek = MetricArithmetic.WeekOf(time.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One transaction: a run that fails half-way must not advance the watermark below over weeks it never wrote.
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // A daily row carries the newest update of its hours, so the newest daily row says how far the last run read.
        var watermark = await db.SyncMetrics.Where(m => m.Period == MetricPeriod.Daily)
            .MaxAsync(m => (DateTime?)m.LastUpdatedUtc, ct);
        var since = watermark is { } w ? w - LateWriteAllowance : DateTime.MinValue;
        var touched = await db.SyncMetrics.AsNoTracking()
            .Where(m => m.Period == MetricPeriod.Hourly && (m.LastUpdatedUtc >= since || m.PeriodStartUtc >= currentWeek))
            .Select(m => new { m.Service, m.PeriodStartUtc })
            .ToListAsync(ct);
        var weeks = touched.Select(h => (h.Service, Week: MetricArithmetic.WeekOf(h.PeriodStartUtc)))
            .Distinct().OrderBy(w => w.Week).ThenBy(w => w.Service, StringComparer.Ordinal).ToList();

        var days = 0;
        foreach (var (service, week) in weeks)
        {
            days += await RecomputeWeekAsync(db, service, week, ct);
        }
        var written = await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RollupResult(weeks.Count, days, written);
    }

    /// <summary>Recomputes one week of one service and every day of it that has hours; returns the number of days.</summary>
    private static async Task<int> RecomputeWeekAsync(
        MonitoringDbContext db, string service, DateTime week, CancellationToken ct)
    {
        var end = week + MetricArithmetic.LengthOf(MetricPeriod.Weekly);
        // An hour in which runs only ended (its row holds their attempt log, no counts) adds nothing to a day or week.
        var hours = await db.SyncMetrics.AsNoTracking()
            .Where(m => m.Service == service && m.Period == MetricPeriod.Hourly &&
                        m.PeriodStartUtc >= week && m.PeriodStartUtc < end &&
                        m.SuccessCount + m.FailureCount > 0)
            .ToListAsync(ct);
        if (hours.Count == 0) return 0;
        var stored = await db.SyncMetrics
            .Where(m => m.Service == service && m.Period != MetricPeriod.Hourly &&
                        m.PeriodStartUtc >= week && m.PeriodStartUtc < end)
            .ToListAsync(ct);

        Upsert(db, stored, MetricArithmetic.Combine(service, MetricPeriod.Weekly, week, hours));
        var byDay = hours.GroupBy(h => MetricArithmetic.DayOf(h.PeriodStartUtc)).ToList();
        foreach (var day in byDay)
        {
            Upsert(db, stored, MetricArithmetic.Combine(service, MetricPeriod.Daily, day.Key, day));
        }
        return byDay.Count;
    }

    private static void Upsert(MonitoringDbContext db, List<SyncMetric> stored, SyncMetric computed)
    {
        var row = stored.SingleOrDefault(m => m.Period == computed.Period && m.PeriodStartUtc == computed.PeriodStartUtc);
        if (row is null)
        {
            db.SyncMetrics.Add(computed);
        }
        else
        {
            MetricArithmetic.CopyNumbers(computed, row);
        }
    }
}
