using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SyncDashboard.Data;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Sync.Mirror;

/// <summary>Applies a sync response to the mirror inside the caller's transaction.
/// Row-by-row <c>SaveChanges</c> reaches about a tenth of the database's insert rate, and a full sync of a big
/// account is 100,000 rows, so rows go through prepared INSERT/UPDATE/DELETE commands whose SQL is derived from the
/// EF model (table, columns, quoting and value converters), which keeps it portable across SQLite and SQL Server.</summary>
public sealed class MirrorWriter
{
    private readonly ConcurrentDictionary<(Type Context, Type Row), TableSql> sqlCache = new();

    public async Task<MirrorChanges> ApplyAsync(
        MonitoringDbContext db, SyncResponse response, bool isSnapshot, DateTime syncedAtUtc, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The mirror is written inside the sync's transaction only.");
        }
        // Parents before children, so a reader never sees a task whose project is not there yet.
        var changes = await ApplyTableAsync(db, MirrorBatches.From(response.Projects, isSnapshot,
            w => w.Id, w => w.IsDeleted, MirrorMapping.ToRow, syncedAtUtc), ct);
        changes += await ApplyTableAsync(db, MirrorBatches.From(response.Sections, isSnapshot,
            w => w.Id, w => w.IsDeleted, MirrorMapping.ToRow, syncedAtUtc), ct);
        changes += await ApplyTableAsync(db, MirrorBatches.From(response.Labels, isSnapshot,
            w => w.Id, w => w.IsDeleted, MirrorMapping.ToRow, syncedAtUtc), ct);
        changes += await ApplyTableAsync(db, MirrorBatches.From(response.Items, isSnapshot,
            w => w.Id, w => w.IsDeleted, MirrorMapping.ToRow, syncedAtUtc), ct);
        changes += await ApplyTableAsync(db, MirrorBatches.From(response.Notes, isSnapshot,
            w => w.Id, w => w.IsDeleted, MirrorMapping.ToRow, syncedAtUtc), ct);
        return changes;
    }

    /// <summary>Whether the mirror holds active tasks with fewer comments than their <c>note_count</c>. A full sync
    /// leaves out completed tasks and their comments, and an incremental sync sends only what changed, so a task
    /// completed at a full sync and reopened later comes back without them; only a full sync, which has the active
    /// tasks' comments, brings them back. The whole mirror is looked at, not this response: a run killed before its
    /// follow-up must leave the next run to notice. Read inside the apply transaction.</summary>
    public async Task<bool> LacksCommentsAsync(MonitoringDbContext db, SyncResponse response, CancellationToken ct)
    {
        if (response.Notes is null) return false; // comments are not mirrored
        return await db.Items.AnyAsync(i => !i.Checked && i.NoteCount > db.Notes.Count(n => n.ItemId == i.Id), ct);
    }

    /// <summary>The INSERT, UPDATE and DELETE this writer sends for <paramref name="rowType"/> on
    /// <paramref name="db"/>'s provider: what the tests parse as T-SQL, there being no SQL Server to send them to.</summary>
    internal static IReadOnlyList<string> StatementsFor(DbContext db, Type rowType) => TableSql.For(db, rowType).Statements;

    private async Task<MirrorChanges> ApplyTableAsync<TRow>(
        MonitoringDbContext db, MirrorBatch<TRow> batch, CancellationToken ct)
        where TRow : class, IMirrorRow
    {
        if (!batch.Present) return default;

        var upsertIds = batch.Upserts.Select(r => r.Id).ToHashSet();
        var existing = await ExistingIdsAsync(db, batch, upsertIds, ct);
        var deletes = batch.IsSnapshot
            ? existing.Where(id => !upsertIds.Contains(id)).ToList()
            : batch.Deletes.Where(existing.Contains).ToList();

        var sql = sqlCache.GetOrAdd((db.GetType(), typeof(TRow)), _ => TableSql.For(db, typeof(TRow)));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();

        if (deletes.Count > 0)
        {
            await using var delete = sql.CreateDelete(connection, transaction);
            foreach (var id in deletes)
            {
                delete.Parameters[0].Value = id;
                await delete.ExecuteNonQueryAsync(ct);
            }
        }

        int added = 0, updated = 0;
        DbCommand? insert = null, update = null;
        try
        {
            foreach (var row in batch.Upserts)
            {
                DbCommand command;
                if (existing.Contains(row.Id))
                {
                    command = update ??= sql.CreateUpdate(connection, transaction);
                    updated++;
                }
                else
                {
                    command = insert ??= sql.CreateInsert(connection, transaction);
                    added++;
                }
                sql.Bind(command, row);
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (insert is not null) await insert.DisposeAsync();
            if (update is not null) await update.DisposeAsync();
        }
        return new MirrorChanges(added, updated, deletes.Count);
    }

    private static async Task<HashSet<string>> ExistingIdsAsync<TRow>(
        MonitoringDbContext db, MirrorBatch<TRow> batch, IEnumerable<string> upsertIds, CancellationToken ct)
        where TRow : class, IMirrorRow
    {
        var rows = db.Set<TRow>().AsNoTracking();
        if (batch.IsSnapshot)
        {
            return (await rows.Select(r => EF.Property<string>(r, "Id")).ToListAsync(ct)).ToHashSet();
        }
        var wanted = upsertIds.Concat(batch.Deletes).Distinct().ToList();
        if (wanted.Count == 0) return [];
        return (await rows.Where(r => wanted.Contains(EF.Property<string>(r, "Id")))
            .Select(r => EF.Property<string>(r, "Id")).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>The prepared SQL for one mirror table, derived once from the model.</summary>
    private sealed class TableSql
    {
        private readonly IProperty[] properties;
        private readonly Func<object, object?>[] readers;
        private readonly string insertSql;
        private readonly string updateSql;
        private readonly string deleteSql;

        private TableSql(IProperty[] properties, string insertSql, string updateSql, string deleteSql)
        {
            this.properties = properties;
            readers = properties.Select(Reader).ToArray();
            this.insertSql = insertSql;
            this.updateSql = updateSql;
            this.deleteSql = deleteSql;
        }

        public static TableSql For(DbContext db, Type rowType)
        {
            var entity = db.Model.FindEntityType(rowType)
                         ?? throw new InvalidOperationException($"{rowType.Name} is not in the model.");
            var sql = db.GetService<ISqlGenerationHelper>();
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()!.Properties.Single();
            // The key first, so parameter 0 is always the id.
            var properties = entity.GetProperties().OrderBy(p => p == key ? 0 : 1).ToArray();
            string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);

            var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
            var insert = $"INSERT INTO {tableName} ({string.Join(", ", properties.Select(Column))}) " +
                         $"VALUES ({string.Join(", ", properties.Select((_, i) => Name(i)))})";
            var update = $"UPDATE {tableName} SET " +
                         string.Join(", ", properties.Skip(1).Select((p, i) => $"{Column(p)} = {Name(i + 1)}")) +
                         $" WHERE {Column(key)} = {Name(0)}";
            var delete = $"DELETE FROM {tableName} WHERE {Column(key)} = {Name(0)}";
            return new TableSql(properties, insert, update, delete);
        }

        public IReadOnlyList<string> Statements => [insertSql, updateSql, deleteSql];

        public DbCommand CreateInsert(DbConnection connection, DbTransaction transaction) =>
            Prepare(connection, transaction, insertSql, properties);

        public DbCommand CreateUpdate(DbConnection connection, DbTransaction transaction) =>
            Prepare(connection, transaction, updateSql, properties);

        public DbCommand CreateDelete(DbConnection connection, DbTransaction transaction) =>
            Prepare(connection, transaction, deleteSql, properties[..1]);

        public void Bind(DbCommand command, object row)
        {
            for (var i = 0; i < readers.Length; i++)
            {
                command.Parameters[i].Value = readers[i](row) ?? DBNull.Value;
            }
        }

        private static string Name(int index) => "@p" + index;

        /// <summary>Reads a property as the provider stores it, through the model's value converter.</summary>
        private static Func<object, object?> Reader(IProperty property)
        {
            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            if (converter is null) return getter.GetClrValue;
            return row => getter.GetClrValue(row) is { } value ? converter.ConvertToProvider(value) : null;
        }

        /// <summary>Parameters typed by the model's store types (datetime2, nvarchar(64) on SQL Server), not inferred
        /// from each value, which would store times as the old datetime and give every string length its own plan.</summary>
        private static DbCommand Prepare(
            DbConnection connection, DbTransaction transaction, string text, IEnumerable<IProperty> parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;
            var index = 0;
            foreach (var property in parameters)
            {
                command.Parameters.Add(property.GetRelationalTypeMapping()
                    .CreateParameter(command, Name(index++), null, property.IsNullable));
            }
            return command;
        }
    }
}
