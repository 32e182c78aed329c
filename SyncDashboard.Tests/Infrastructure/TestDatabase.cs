using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SyncDashboard.Data;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>A migrated database of its own, for tests below the app (no host, no Hangfire): a SQLite file by default,
/// or a database on the test PostgreSQL server (<see cref="PostgresServer"/>).</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(TestProvider provider, string path, string connectionString)
    {
        Provider = provider;
        Path = path;
        ConnectionString = connectionString;
    }

    public TestProvider Provider { get; }

    /// <summary>The SQLite file, or the PostgreSQL database's name.</summary>
    public string Path { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(TestProvider provider = TestProvider.Sqlite)
    {
        if (provider == TestProvider.PostgreSql)
        {
            var name = await PostgresServer.CreateMigratedAsync(TestContext.Current.CancellationToken);
            return new TestDatabase(provider, name, PostgresServer.For(name));
        }
        var path = TempFiles.NewDatabasePath();
        var database = new TestDatabase(provider, path, $"Data Source={path}");
        await using var db = database.Open();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    public MonitoringDbContext Open(params IInterceptor[] interceptors) => Provider == TestProvider.PostgreSql
        ? new PostgreSqlMonitoringDbContext(new DbContextOptionsBuilder<PostgreSqlMonitoringDbContext>()
            .UseNpgsql(ConnectionString).AddInterceptors(interceptors).Options)
        : new SqliteMonitoringDbContext(new DbContextOptionsBuilder<SqliteMonitoringDbContext>()
            .UseSqlite(ConnectionString).AddInterceptors(interceptors).Options);

    /// <summary>The factory the app's services take, over this database (with interceptors, to watch its commands).</summary>
    public IDbContextFactory<MonitoringDbContext> Factory(params IInterceptor[] interceptors) =>
        new Opener(this, interceptors);

    /// <summary>The app's configuration keys that point a host at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> AppSettings() =>
    [
        new("Database:Provider", Provider == TestProvider.PostgreSql ? nameof(DatabaseProvider.PostgreSql) : nameof(DatabaseProvider.Sqlite)),
        new("Database:ConnectionString", ConnectionString),
    ];

    private sealed class Opener(TestDatabase database, IInterceptor[] interceptors) : IDbContextFactory<MonitoringDbContext>
    {
        public MonitoringDbContext CreateDbContext() => database.Open(interceptors);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == TestProvider.PostgreSql)
        {
            await PostgresServer.DropAsync(Path);
            return;
        }
        SqliteConnection.ClearAllPools();
        TempFiles.DeleteDatabase(Path);
    }
}
