using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Data;

/// <summary>A model change without a migration fails here, for each provider, before it fails in production.</summary>
public sealed class MigrationFacts
{
    [Fact]
    public void Sqlite_HasNoPendingModelChanges()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: dotnet ef migrations add <Name> --context SqliteMonitoringDbContext --output-dir Monitoring/Migrations/Sqlite");
    }

    [Fact]
    public void SqlServer_HasNoPendingModelChanges()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQL Server migration: dotnet ef migrations add <Name> --context SqlServerMonitoringDbContext --output-dir Monitoring/Migrations/SqlServer");
    }

    [Fact]
    public void PostgreSql_HasNoPendingModelChanges()
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a PostgreSQL migration: dotnet ef migrations add <Name> --context PostgreSqlMonitoringDbContext --output-dir Data/Migrations/PostgreSql --namespace SyncDashboard.Data.Migrations.PostgreSql");
    }

    /// <summary>From an empty database to the model, on each real engine: every table and index is there after.</summary>
    [Theory, BothProviders]
    public async Task Migrate_FromEmpty_CreatesEveryTableAndIndex(TestProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await EmptyDatabase.CreateAsync(provider, ct);
        await using var db = database.Open();
        await db.Database.MigrateAsync(ct);

        var objects = await db.Database.SqlQueryRaw<string>(provider == TestProvider.PostgreSql
                ? "SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = 'public' " +
                  "UNION ALL SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"
                : "SELECT name AS Value FROM sqlite_master WHERE type IN ('table', 'index')")
            .ToListAsync(ct);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            Assert.Contains(entity.GetTableName(), objects);
            foreach (var index in entity.GetIndexes()) Assert.Contains(index.GetDatabaseName(), objects);
        }
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
    }

    /// <summary>There is no SQL Server here; the create script is generated offline and checked for every table and
    /// index of the model, so the SQL Server schema is at least complete.</summary>
    [Fact]
    public void SqlServerCreateScript_ContainsEveryTableAndIndex()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.Database.GenerateCreateScript();

        foreach (var entity in db.Model.GetEntityTypes())
        {
            Assert.Contains($"CREATE TABLE [{entity.GetTableName()}]", script);
            foreach (var index in entity.GetIndexes())
            {
                Assert.Contains($"INDEX [{index.GetDatabaseName()}]", script);
            }
        }
        Assert.Contains("CREATE UNIQUE INDEX [IX_sync_metrics_Service_Period_PeriodStartUtc]", script);
    }

    [Fact]
    public void SqlServerMigrations_ProduceTheSameTablesAsTheModel()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            Assert.Contains($"CREATE TABLE [{entity.GetTableName()}]", script);
        }
    }

    /// <summary>A process killed while migrating leaves EF Core's SQLite lock row behind; every later start-up then
    /// waited for it forever. The row is exactly what the crash test's kill during start-up left.</summary>
    [Fact]
    public async Task Sqlite_MigratorStarts_WhenADeadMigratorLeftItsLockRow()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = TempFiles.NewDatabasePath();
        try
        {
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
            {
                await connection.OpenAsync(ct);
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                    INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-01-01 00:00:00+00:00');
                    """;
                await command.ExecuteNonQueryAsync(ct);
            }
            var options = new DbContextOptionsBuilder<SqliteMonitoringDbContext>().UseSqlite($"Data Source={path}").Options;
            var migrator = new DatabaseMigrator(new SqliteFactory(options),
                Microsoft.Extensions.Options.Options.Create(new DatabaseOptions()),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance);

            await migrator.StartAsync(ct).WaitAsync(TestTimeouts.Process, ct);

            await using var db = new SqliteMonitoringDbContext(options);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TempFiles.DeleteDatabase(path);
        }
    }

    private sealed class SqliteFactory(DbContextOptions<SqliteMonitoringDbContext> options) : IDbContextFactory<MonitoringDbContext>
    {
        public MonitoringDbContext CreateDbContext() => new SqliteMonitoringDbContext(options);
    }
}
