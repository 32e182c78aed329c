using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Data;

/// <summary>Fills <see cref="SyncTypeMetric"/> for a service that has none yet, once, from its successful timed runs
/// still stored (the hours retention purged stay without, and the performance page reads their runs' absence as none:
/// it shows at most <c>PerformanceQueries.MaxDays</c>, the default retention). Services are those with a state or
/// rollup row, small tables, rather than a distinct over every event.</summary>
/// <remarks>Idempotent: a service with one type row is done. Nodes starting together may both compute a service; the
/// unique index lets one insert, and the other's conflict is ignored.</remarks>
public static class TypeMetricsUpgrade
{
    /// <summary>Returns the number of type rows written.</summary>
    public static async Task<int> RunAsync(IDbContextFactory<MonitoringDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RunAsync(db, ct);
    }

    /// <inheritdoc cref="RunAsync(IDbContextFactory{MonitoringDbContext}, CancellationToken)"/>
    public static async Task<int> RunAsync(MonitoringDbContext db, CancellationToken ct)
    {
        var services = (await db.SyncStates.Select(s => s.Service).ToListAsync(ct))
            .Union(await db.SyncMetrics.Select(m => m.Service).Distinct().ToListAsync(ct))
            .Order(StringComparer.Ordinal).ToList();
        var written = 0;
        foreach (var service in services)
        {
            if (await db.SyncTypeMetrics.AnyAsync(m => m.Service == service, ct)) continue;
            var runs = await db.SyncEvents.AsNoTracking()
                .Where(e => e.Service == service && e.Status == SyncStatus.Succeeded && e.DurationMs != null)
                .Select(e => new { e.Type, e.StartedUtc, DurationMs = e.DurationMs!.Value, e.ItemsProcessed })
                .ToListAsync(ct);
            foreach (var hour in runs.GroupBy(r => (r.Type, Hour: MetricArithmetic.HourOf(r.StartedUtc))))
            {
                db.SyncTypeMetrics.Add(new SyncTypeMetric
                {
                    Service = service, Type = hour.Key.Type, HourStartUtc = hour.Key.Hour, Runs = hour.Count(),
                    TotalDurationMs = hour.Sum(r => r.DurationMs), MinDurationMs = hour.Min(r => r.DurationMs),
                    MaxDurationMs = hour.Max(r => r.DurationMs), ItemsProcessed = hour.Sum(r => (long)r.ItemsProcessed),
                    DurationSketch = DurationSketch.Of(hour.Select(r => r.DurationMs)), LastUpdatedUtc = hour.Key.Hour,
                });
                written++;
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (written > 0)
        {
            // Another node filled the same service meanwhile (the unique index refused the second copy).
            return 0;
        }
        return written;
    }
}
