using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Sync.Mirror;

namespace SyncDashboard.Benchmarks;

/// <summary>Copies a generated SQLite history into a PostgreSQL database, every table of it by binary COPY through
/// the PostgreSQL model's columns and types (what the app itself would have written there), then ANALYZEs it.</summary>
public static class PostgresHistory
{
    private const int Chunk = 50_000;

    /// <summary>The database holding <paramref name="sqlitePath"/>'s history of <paramref name="events"/> events,
    /// copied now unless a complete copy on current migrations is there already.</summary>
    public static async Task<string> EnsureAsync(string sqlitePath, int events)
    {
        var database = $"sdbench_history_{events}";
        if (await PostgresBench.ExistsAsync(database) && await IsCompleteAsync(database, events)) return database;

        var clock = Stopwatch.StartNew();
        await PostgresBench.CreateMigratedAsync(database);
        await using var source = new FileContextFactory(sqlitePath).CreateDbContext();
        await using var target = PostgresBench.Open(database, pooling: false);
        await target.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)target.Database.GetDbConnection();
        // Rows arrive table by table, chains after the events that point at them: no foreign-key checks while copying.
        await Execute(connection, "SET session_replication_role = replica");
        var rows = 0L;
        rows += await CopyAsync(source.SyncErrors, target, connection);
        rows += await CopyAsync(source.SyncEvents, target, connection);
        rows += await CopyAsync(source.SyncMetrics, target, connection);
        rows += await CopyAsync(source.SyncTypeMetrics, target, connection);
        rows += await CopyAsync(source.WebhookDeliveries, target, connection);
        rows += await CopyAsync(source.SyncStates, target, connection);
        rows += await CopyAsync(source.Projects, target, connection);
        rows += await CopyAsync(source.Sections, target, connection);
        rows += await CopyAsync(source.Labels, target, connection);
        rows += await CopyAsync(source.Items, target, connection);
        rows += await CopyAsync(source.Notes, target, connection);
        await Execute(connection, "SET session_replication_role = DEFAULT");
        await ResetIdentitiesAsync(target, connection);
        await Execute(connection, "ANALYZE");
        Console.WriteLine($"// Copied {rows:N0} rows of {sqlitePath} into PostgreSQL database {database} in {clock.Elapsed.TotalSeconds:N1} s");
        return database;
    }

    private static async Task<bool> IsCompleteAsync(string database, int events)
    {
        await using var db = PostgresBench.Open(database);
        return !(await db.Database.GetPendingMigrationsAsync()).Any() &&
               await db.SyncStates.AnyAsync(s => s.Service == ServiceName.Todoist) &&
               await db.SyncEvents.CountAsync() == events;
    }

    private static async Task<long> CopyAsync<T>(IQueryable<T> source, MonitoringDbContext target, NpgsqlConnection connection)
        where T : class
    {
        var sql = MirrorTableSql.For(target, typeof(T));
        var chunk = new List<object>(Chunk);
        var count = 0L;
        await foreach (var row in source.AsNoTracking().AsAsyncEnumerable())
        {
            chunk.Add(Utc(row));
            if (chunk.Count < Chunk) continue;
            await sql.CopyAsync(connection, chunk, CancellationToken.None);
            count += chunk.Count;
            chunk.Clear();
        }
        if (chunk.Count > 0) await sql.CopyAsync(connection, chunk, CancellationToken.None);
        return count + chunk.Count;
    }

    /// <summary>SQLite hands times back without a kind; PostgreSQL's <c>timestamp with time zone</c> takes UTC only.</summary>
    private static T Utc<T>(T row) where T : class
    {
        foreach (var property in typeof(T).GetProperties().Where(p => p.CanWrite))
        {
            if (property.GetValue(row) is DateTime { Kind: not DateTimeKind.Utc } time)
            {
                property.SetValue(row, DateTime.SpecifyKind(time, DateTimeKind.Utc));
            }
        }
        return row;
    }

    /// <summary>Identity columns continue after the copied ids, as if the app had written the rows.</summary>
    private static async Task ResetIdentitiesAsync(MonitoringDbContext target, NpgsqlConnection connection)
    {
        foreach (var entity in target.Model.GetEntityTypes())
        {
            var key = entity.FindPrimaryKey()?.Properties;
            if (key is not { Count: 1 } || key[0].ClrType != typeof(long) || key[0].ValueGenerated == 0) continue;
            var table = entity.GetTableName();
            var column = key[0].GetColumnName();
            await Execute(connection,
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT max(\"{column}\") FROM \"{table}\"), 0) + 1, false)");
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
