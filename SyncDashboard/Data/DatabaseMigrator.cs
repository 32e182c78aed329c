using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Data;

/// <summary>Brings the database up to date before anything else starts (it is registered before Hangfire).</summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<MonitoringDbContext> dbFactory, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite()) PrivateDatabaseFile.Prepare(db.Database.GetConnectionString(), logger);
        if (!options.Value.MigrateOnStartup) return;
        if (db.Database.IsSqlite())
        {
            await using var guard = await SqliteMigrationGuard.AcquireAsync(db, logger, ct);
            await db.Database.MigrateAsync(ct);
            // WAL lets the dashboard read while a sync writes; the setting is stored in the file itself.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        else
        {
            await db.Database.MigrateAsync(ct);
        }
        logger.LogInformation("Monitoring database ready ({Provider})", options.Value.Provider);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
