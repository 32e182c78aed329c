using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SyncDashboard.Data;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>A migrated SQLite file of its own, for tests below the app (no host, no Hangfire).</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string path) => Path = path;

    public string Path { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase(TempFiles.NewDatabasePath());
        await using var db = database.Open();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    public MonitoringDbContext Open(params IInterceptor[] interceptors) =>
        new SqliteMonitoringDbContext(new DbContextOptionsBuilder<SqliteMonitoringDbContext>()
            .UseSqlite($"Data Source={Path}").AddInterceptors(interceptors).Options);

    /// <summary>The factory the app's services take, over this file (with interceptors, to watch its commands).</summary>
    public IDbContextFactory<MonitoringDbContext> Factory(params IInterceptor[] interceptors) =>
        new Opener(this, interceptors);

    private sealed class Opener(TestDatabase database, IInterceptor[] interceptors) : IDbContextFactory<MonitoringDbContext>
    {
        public MonitoringDbContext CreateDbContext() => database.Open(interceptors);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        TempFiles.DeleteDatabase(Path);
        return ValueTask.CompletedTask;
    }
}
