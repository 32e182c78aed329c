using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Sync;

/// <summary>The state row is created on first use, not assumed to exist. Several
/// runs create it at once on a fresh database (the start-up sync, a webhook, another node), so the insert is one
/// statement that does nothing when the row is there: no failed command, no error line in the log.</summary>
public static class SyncStateRow
{
    public static async Task EnsureAsync(IDbContextFactory<MonitoringDbContext> dbFactory, string service, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlServer())
        {
            // UPDLOCK + HOLDLOCK keep the key range locked from the check to the insert, so two sessions cannot
            // both see "missing"; the second waits, then finds the row.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO [sync_state] ([Service], [ConsecutiveFailures], [IsHealthy], [IsPaused])
                SELECT {service}, 0, 1, 0
                WHERE NOT EXISTS (SELECT 1 FROM [sync_state] WITH (UPDLOCK, HOLDLOCK) WHERE [Service] = {service})
                """, ct);
        }
        else if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "sync_state" ("Service", "ConsecutiveFailures", "IsHealthy", "IsPaused")
                VALUES ({service}, 0, TRUE, FALSE)
                ON CONFLICT ("Service") DO NOTHING
                """, ct);
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "sync_state" ("Service", "ConsecutiveFailures", "IsHealthy", "IsPaused")
                VALUES ({service}, 0, 1, 0)
                ON CONFLICT ("Service") DO NOTHING
                """, ct);
        }
    }
}
