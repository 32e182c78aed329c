using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>Rolls up runs a test stored by hand as the run recorder does for a real run in the same transaction: the
/// counted attempts' logs in the hourly rollups (what the objectives and the uptime read) and the rollups by sync type
/// (what the performance page reads). It clears both and has the start-up upgrades fill them again from the runs
/// stored, so what a test sees is what the app's own code writes.</summary>
public static class StoredRuns
{
    public static async Task RollUpAsync(MonitoringDbContext db, CancellationToken ct)
    {
        await db.SyncMetrics.Where(m => m.Period == MetricPeriod.Hourly)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AttemptEnds, (byte[]?)null), ct);
        // The upgrade looks at the services that have an hourly row without a log; a service with runs stored by hand
        // may have no row at all yet.
        var firstStarts = await db.SyncEvents.GroupBy(e => e.Service)
            .Select(g => new { Service = g.Key, First = g.Min(e => e.StartedUtc) })
            .ToListAsync(ct);
        foreach (var service in firstStarts)
        {
            if (await db.SyncMetrics.AnyAsync(m => m.Service == service.Service && m.Period == MetricPeriod.Hourly, ct)) continue;
            var hour = MetricArithmetic.HourOf(DateTime.SpecifyKind(service.First, DateTimeKind.Utc));
            db.SyncMetrics.Add(new SyncMetric
            {
                Service = service.Service, Period = MetricPeriod.Hourly, PeriodStartUtc = hour, LastUpdatedUtc = hour,
            });
        }
        await db.SaveChangesAsync(ct);
        await AttemptEndsUpgrade.RunAsync(db, ct);
        await db.SyncTypeMetrics.ExecuteDeleteAsync(ct);
        await TypeMetricsUpgrade.RunAsync(db, ct);
    }
}
