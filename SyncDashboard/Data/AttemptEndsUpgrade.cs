using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Data;

/// <summary>Fills <see cref="SyncMetric.AttemptEnds"/> of the hourly rows written before the column, once, from the
/// runs still stored: each counted run goes to the row of the hour it ended in (created when that hour had no row:
/// a run that crossed the hour). An hour whose runs retention had already purged gets an empty log, so it counts
/// nothing for the objectives, as it did before the column; an hour purged in part keeps what remains.</summary>
/// <remarks>Idempotent (only rows without a log are touched) and deterministic, so nodes starting together write the
/// same rows. One read of the service's finished runs: about 26,000 at one run every five minutes and the default
/// 90-day retention.</remarks>
public static class AttemptEndsUpgrade
{
    /// <summary>Failed runs whose codes say nothing about the sync's health, which the rollups do not count: another
    /// run took the lease, or the app stopped (the same codes as the sync's <c>UncountedRuns</c>).</summary>
    public static readonly IReadOnlyList<string> UncountedCodes = ["LEASE_LOST", "CANCELLED"];

    /// <summary>Returns the number of hourly rows given a log.</summary>
    public static async Task<int> RunAsync(IDbContextFactory<MonitoringDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RunAsync(db, ct);
    }

    /// <inheritdoc cref="RunAsync(IDbContextFactory{MonitoringDbContext}, CancellationToken)"/>
    public static async Task<int> RunAsync(MonitoringDbContext db, CancellationToken ct)
    {
        var services = await db.SyncMetrics
            .Where(m => m.Period == MetricPeriod.Hourly && m.AttemptEnds == null)
            .Select(m => m.Service).Distinct().ToListAsync(ct);
        var filled = 0;
        foreach (var service in services.Order(StringComparer.Ordinal))
        {
            filled += await UpgradeServiceAsync(db, service, ct);
        }
        await db.SaveChangesAsync(ct);
        return filled;
    }

    private static async Task<int> UpgradeServiceAsync(MonitoringDbContext db, string service, CancellationToken ct)
    {
        string leaseLost = UncountedCodes[0], cancelled = UncountedCodes[1];
        var runs = await db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == service && (e.Status == SyncStatus.Succeeded ||
                        (e.Status == SyncStatus.Failed && e.ErrorCode != leaseLost && e.ErrorCode != cancelled)))
            .Select(e => new { End = e.CompletedUtc ?? e.StartedUtc, e.Status })
            .ToListAsync(ct);
        var byHour = runs.Select(r => new AttemptEnd(AttemptEnds.Truncate(r.End), r.Status == SyncStatus.Succeeded))
            .ToLookup(a => MetricArithmetic.HourOf(a.EndUtc));
        var rows = await db.SyncMetrics.Where(m => m.Service == service && m.Period == MetricPeriod.Hourly)
            .ToDictionaryAsync(m => m.PeriodStartUtc, ct);

        var filled = 0;
        foreach (var row in rows.Values.Where(r => r.AttemptEnds is null))
        {
            row.AttemptEnds = AttemptEnds.Encode(row.PeriodStartUtc, byHour[row.PeriodStartUtc]);
            filled++;
        }
        foreach (var hour in byHour.Where(h => !rows.ContainsKey(h.Key)))
        {
            // An hour in which runs only ended: no run started in it, so its counts stay zero.
            db.SyncMetrics.Add(new SyncMetric
            {
                Service = service, Period = MetricPeriod.Hourly, PeriodStartUtc = hour.Key,
                AttemptEnds = AttemptEnds.Encode(hour.Key, hour), LastUpdatedUtc = hour.Key,
            });
            filled++;
        }
        return filled;
    }
}
