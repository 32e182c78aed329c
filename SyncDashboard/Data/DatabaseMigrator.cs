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
        // Before Hangfire starts, so no page shows a row without its sketch. (Where an operator applies the migrations,
        // the rollup job does it at its next run.)
        var upgraded = await LegacyHistogramUpgrade.RunAsync(dbFactory, ct);
        if (upgraded.Rows > 0)
        {
            logger.LogInformation(
                "Duration sketches for {Rows} rollup row(s) kept as histograms: {FromRuns} hour(s) recomputed from their " +
                "runs, {FromBuckets} hour(s) converted from their buckets (their runs were purged), {Merged} day/week " +
                "row(s) merged from their hours, {RollupsFromBuckets} converted from their buckets",
                upgraded.Rows, upgraded.HoursFromRuns, upgraded.HoursFromBuckets, upgraded.RollupsMerged, upgraded.RollupsFromBuckets);
        }
        var logged = await AttemptEndsUpgrade.RunAsync(dbFactory, ct);
        if (logged > 0)
        {
            logger.LogInformation(
                "Attempt end logs for {Rows} hourly rollup row(s) written before them, from the runs still stored", logged);
        }
        var typed = await TypeMetricsUpgrade.RunAsync(dbFactory, ct);
        if (typed > 0)
        {
            logger.LogInformation("Performance rollups by sync type: {Rows} hourly row(s) from the runs still stored", typed);
        }
        logger.LogInformation("Monitoring database ready ({Provider})", options.Value.Provider);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
