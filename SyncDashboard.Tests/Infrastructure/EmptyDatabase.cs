using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>An empty database of the given provider, nothing migrated yet: a new SQLite file or a new database on the
/// test PostgreSQL server. Removed on dispose.</summary>
public sealed class EmptyDatabase : IAsyncDisposable
{
    private EmptyDatabase(TestProvider provider, string name, string connectionString)
    {
        Provider = provider;
        Name = name;
        ConnectionString = connectionString;
    }

    public TestProvider Provider { get; }

    /// <summary>The SQLite file or the PostgreSQL database's name.</summary>
    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<EmptyDatabase> CreateAsync(TestProvider provider, CancellationToken ct)
    {
        if (provider == TestProvider.PostgreSql)
        {
            var name = await PostgresServer.CreateEmptyAsync(ct);
            return new EmptyDatabase(provider, name, PostgresServer.For(name));
        }
        var path = TempFiles.NewDatabasePath();
        return new EmptyDatabase(provider, path, $"Data Source={path}");
    }

    public MonitoringDbContext Open() => Provider == TestProvider.PostgreSql
        ? new PostgreSqlMonitoringDbContext(new DbContextOptionsBuilder<PostgreSqlMonitoringDbContext>()
            .UseNpgsql(ConnectionString).Options)
        : new SqliteMonitoringDbContext(new DbContextOptionsBuilder<SqliteMonitoringDbContext>()
            .UseSqlite(ConnectionString).Options);

    /// <summary>The app's configuration keys that point a host at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> AppSettings() =>
    [
        new("Database:Provider", Provider == TestProvider.PostgreSql ? nameof(DatabaseProvider.PostgreSql) : nameof(DatabaseProvider.Sqlite)),
        new("Database:ConnectionString", ConnectionString),
    ];

    public async ValueTask DisposeAsync()
    {
        if (Provider == TestProvider.PostgreSql)
        {
            await PostgresServer.DropAsync(Name);
            return;
        }
        SqliteConnection.ClearAllPools();
        TempFiles.DeleteDatabase(Name);
    }
}
