using System.Data.Common;
using Npgsql;

namespace SyncDashboard.Sync.Mirror;

/// <summary>Sends one table's row statements inside the sync's transaction. On a server database the time goes to
/// round trips, one per statement (PostgreSQL over loopback: ~0.3 ms each, a minute for a big account's full sync
/// on a busy machine), so where the ADO.NET driver has batches (Npgsql, SqlClient) statements travel
/// <see cref="BatchSize"/> at a time. SQLite runs in the process, has no round trip to save and no batches: each
/// statement runs as it comes, on one reused command per kind. On PostgreSQL new rows go in by binary COPY, the
/// fastest way rows get into it (a big account's first full sync is nothing but new rows).</summary>
internal abstract class MirrorStatements : IAsyncDisposable
{
    /// <summary>Statements per round trip (see docs/performance.md for the measurements).</summary>
    public const int BatchSize = 500;

    public static MirrorStatements Open(MirrorTableSql sql, DbConnection connection, DbTransaction transaction) =>
        connection switch
        {
            NpgsqlConnection npgsql => new CopiedOnPostgreSql(sql, npgsql, transaction),
            { CanCreateBatch: true } => new Batched(sql, connection, transaction),
            _ => new OneByOne(sql, connection, transaction),
        };

    public abstract Task InsertAsync(object row, CancellationToken ct);
    public abstract Task UpdateAsync(object row, CancellationToken ct);
    public abstract Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>Sends what is still waiting: until then, batched statements may not have reached the database.</summary>
    public abstract Task FlushAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    private sealed class OneByOne(MirrorTableSql sql, DbConnection connection, DbTransaction transaction) : MirrorStatements
    {
        private DbCommand? insert, update, delete;

        public override Task InsertAsync(object row, CancellationToken ct) =>
            Run(insert ??= sql.CreateCommand(connection, transaction, sql.InsertSql, keyOnly: false), row, sql, ct);

        public override Task UpdateAsync(object row, CancellationToken ct) =>
            Run(update ??= sql.CreateCommand(connection, transaction, sql.UpdateSql, keyOnly: false), row, sql, ct);

        public override Task DeleteAsync(string key, CancellationToken ct)
        {
            delete ??= sql.CreateCommand(connection, transaction, sql.DeleteSql, keyOnly: true);
            delete.Parameters[0].Value = key;
            return Execute(delete, ct);
        }

        public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;

        public override async ValueTask DisposeAsync()
        {
            foreach (var command in new[] { insert, update, delete })
            {
                if (command is not null) await command.DisposeAsync();
            }
        }

        private static Task Run(DbCommand command, object row, MirrorTableSql sql, CancellationToken ct)
        {
            sql.Bind(command.Parameters, row);
            return Execute(command, ct);
        }

        /// <summary>Synchronously: the provider that comes here, SQLite, runs its async calls synchronously anyway, and
        /// the Task each of them allocates is work for nothing, 100,000 times in a big full sync.</summary>
        private static Task Execute(DbCommand command, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            command.ExecuteNonQuery();
            return Task.CompletedTask;
        }
    }

    private class Batched : MirrorStatements
    {
        protected readonly MirrorTableSql sql;
        protected readonly DbConnection connection;
        private readonly DbBatch batch;
        // Makes the typed parameters (a type mapping creates a parameter from a command); never executed.
        private readonly DbCommand parameterFactory;

        public Batched(MirrorTableSql sql, DbConnection connection, DbTransaction transaction)
        {
            this.sql = sql;
            this.connection = connection;
            batch = connection.CreateBatch();
            batch.Transaction = transaction;
            parameterFactory = connection.CreateCommand();
        }

        public override Task InsertAsync(object row, CancellationToken ct) => AddAsync(sql.InsertSql, row, null, ct);

        public override Task UpdateAsync(object row, CancellationToken ct) => AddAsync(sql.UpdateSql, row, null, ct);

        public override Task DeleteAsync(string key, CancellationToken ct) => AddAsync(sql.DeleteSql, null, key, ct);

        public override async Task FlushAsync(CancellationToken ct)
        {
            if (batch.BatchCommands.Count == 0) return;
            await batch.ExecuteNonQueryAsync(ct);
            batch.BatchCommands.Clear();
        }

        public override async ValueTask DisposeAsync()
        {
            await batch.DisposeAsync();
            await parameterFactory.DisposeAsync();
        }

        private async Task AddAsync(string text, object? row, string? key, CancellationToken ct)
        {
            batch.BatchCommands.Add(sql.CreateBatchCommand(batch, parameterFactory, text, row, key));
            if (batch.BatchCommands.Count >= BatchSize) await FlushAsync(ct);
        }
    }

    /// <summary>Updates and deletes batched; new rows kept until the flush and written by one binary COPY.</summary>
    private sealed class CopiedOnPostgreSql(MirrorTableSql table, NpgsqlConnection npgsql, DbTransaction transaction)
        : Batched(table, npgsql, transaction)
    {
        private readonly List<object> inserts = [];

        public override Task InsertAsync(object row, CancellationToken ct)
        {
            inserts.Add(row);
            return Task.CompletedTask;
        }

        public override async Task FlushAsync(CancellationToken ct)
        {
            await base.FlushAsync(ct);
            if (inserts.Count == 0) return;
            await sql.CopyAsync((NpgsqlConnection)connection, inserts, ct);
            inserts.Clear();
        }
    }
}
