using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SyncDashboard.Data;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Sync.Mirror;

/// <summary>Applies a sync response to the mirror inside the caller's transaction.
/// Row-by-row <c>SaveChanges</c> reaches about a tenth of the database's insert rate, and a full sync of a big
/// account is 100,000 rows, so rows go through INSERT/UPDATE/DELETE commands whose SQL is derived from the EF model
/// (table, columns, quoting and value converters), which keeps it portable across SQLite, SQL Server and PostgreSQL;
/// on a server database they travel in batches (<see cref="MirrorStatements"/>).</summary>
public sealed class MirrorWriter
{
    private readonly ConcurrentDictionary<(Type Context, Type Row), MirrorTableSql> sqlCache = new();

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
    internal static IReadOnlyList<string> StatementsFor(DbContext db, Type rowType) => MirrorTableSql.For(db, rowType).Statements;

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

        var sql = sqlCache.GetOrAdd((db.GetType(), typeof(TRow)), _ => MirrorTableSql.For(db, typeof(TRow)));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        await using var send = MirrorStatements.Open(sql, connection, transaction);
        foreach (var id in deletes)
        {
            await send.DeleteAsync(id, ct);
        }
        int added = 0, updated = 0;
        foreach (var row in batch.Upserts)
        {
            if (existing.Contains(row.Id))
            {
                await send.UpdateAsync(row, ct);
                updated++;
            }
            else
            {
                await send.InsertAsync(row, ct);
                added++;
            }
        }
        await send.FlushAsync(ct);
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
}
