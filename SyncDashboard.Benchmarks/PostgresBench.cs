using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using SyncDashboard.Data;

namespace SyncDashboard.Benchmarks;

/// <summary>The PostgreSQL server the PostgreSQL benchmarks run on: <see cref="Variable"/>, or the test suite's
/// <c>SYNCDASHBOARD_TEST_POSTGRES</c> (so <c>source .ci/postgres.sh &amp;&amp; start_postgres</c> is enough). Databases
/// are created and dropped through it; the server itself is the caller's.</summary>
public static class PostgresBench
{
    public const string Variable = "SYNCDASHBOARD_BENCH_POSTGRES";
    private const string TestVariable = "SYNCDASHBOARD_TEST_POSTGRES";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value
        : Environment.GetEnvironmentVariable(TestVariable) is { Length: > 0 } test ? test
        : throw new InvalidOperationException(
            $"The PostgreSQL benchmarks need a server: set {Variable} to a connection string, or start a throwaway " +
            "cluster with `source .ci/postgres.sh && start_postgres` (installs Debian's postgresql when missing).");

    public static string For(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = pooling }.ConnectionString;

    public static PostgreSqlMonitoringDbContext Open(string database, bool pooling = true, Action<string>? log = null)
    {
        var builder = new DbContextOptionsBuilder<PostgreSqlMonitoringDbContext>().UseNpgsql(For(database, pooling));
        if (log is not null) builder.LogTo(log, [RelationalEventId.CommandExecuted, RelationalEventId.DataReaderDisposing]);
        return new PostgreSqlMonitoringDbContext(builder.Options);
    }

    public static async Task<bool> ExistsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return await command.ExecuteScalarAsync() is not null;
    }

    /// <summary>A new, migrated database (unpooled while migrating, so it can serve as a template at once).</summary>
    public static async Task CreateMigratedAsync(string database)
    {
        await DropAsync(database);
        await ExecuteAsync($"CREATE DATABASE \"{database}\"");
        await using var db = Open(database, pooling: false);
        await db.Database.MigrateAsync();
    }

    public static Task CreateFromTemplateAsync(string database, string template) =>
        ExecuteAsync($"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"");

    public static async Task DropAsync(string database)
    {
        await using (var pooled = new NpgsqlConnection(For(database))) NpgsqlConnection.ClearPool(pooled);
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
