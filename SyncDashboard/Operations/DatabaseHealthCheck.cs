using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncDashboard.Data;

namespace SyncDashboard.Operations;

/// <summary>Ready needs the database reachable and at this build's schema: a node started before a migration ran
/// (Database:MigrateOnStartup=false) would write rows the tables cannot hold.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<MonitoringDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("The database cannot be reached.");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Reachable and migrated.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending, the first {pending[0]}.");
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", error);
        }
    }
}
