using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;

namespace SyncDashboard.Monitoring;

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

/// <summary>EF Core's SQLite migration lock is a row in <c>__EFMigrationsLock</c>, taken by every <c>Migrate()</c> and
/// deleted when it ends. A process killed in between leaves the row behind, and every later start-up then waits for
/// it forever. So the app migrates under a lock of its own that the operating system frees when the process dies
/// (an exclusive handle on a file beside the database): whoever holds it is the only live migrator of this app, and a
/// lock row found then was left by one that died. (<c>dotnet ef database update</c> run by hand does not take this
/// lock; do not run it while the app starts.)</summary>
internal sealed class SqliteMigrationGuard : IAsyncDisposable
{
    private readonly FileStream? handle;

    private SqliteMigrationGuard(FileStream? handle) => this.handle = handle;

    /// <summary>The file whose exclusive handle is the lock, beside the database.</summary>
    public static string LockFileOf(string databasePath) => databasePath + ".migrating";

    public static async Task<SqliteMigrationGuard> AcquireAsync(MonitoringDbContext db, ILogger logger, CancellationToken ct)
    {
        var connection = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var source = connection.DataSource;
        if (connection.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source) || source == ":memory:" ||
            source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            // In memory nothing outlives the process; a URI file name is left to EF Core's lock alone.
            return new SqliteMigrationGuard(null);
        }

        var handle = await OpenExclusiveAsync(LockFileOf(Path.GetFullPath(source)), ct);
        try
        {
            var hasLockTable = await db.Database.SqlQueryRaw<int>(
                    "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'")
                .SingleAsync(ct) > 0;
            if (hasLockTable && await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", ct) > 0)
            {
                logger.LogWarning("Removed a migration lock left by a process that died while migrating the database");
            }
        }
        catch
        {
            await handle.DisposeAsync();
            throw;
        }
        return new SqliteMigrationGuard(handle);
    }

    private static async Task<FileStream> OpenExclusiveAsync(string path, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Another live process of this app is migrating the same file: wait for it.
                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            }
        }
    }

    public ValueTask DisposeAsync() => handle?.DisposeAsync() ?? ValueTask.CompletedTask;
}
