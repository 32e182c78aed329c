using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

public sealed class EventQueries(IDbContextFactory<MonitoringDbContext> dbFactory)
{
    public const int MaxLimit = 500;

    /// <summary>Names the export's query in the SQL (<c>-- Events export</c>), for logs and for the test that watches it.</summary>
    public const string ExportTag = "Events export";

    /// <summary>The latest <paramref name="limit"/> events of a service, newest first (served by IX_sync_events_latest).</summary>
    public async Task<IReadOnlyList<EventRow>> LatestAsync(string service, int limit, CancellationToken ct) =>
        (await PageAsync(service, EventFilter.All, limit, null, ct)).Events;

    /// <summary>One page of events, newest first, filtered in the query itself, so a filter never returns fewer
    /// than <c>limit</c> rows while more match.</summary>
    public async Task<EventPage> PageAsync(
        string service, EventFilter filter, int limit, EventCursor? after, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = db.SyncEvents.AsNoTracking().Where(e => e.Service == service);
        if (filter.Status is { } status) events = events.Where(e => e.Status == status);
        if (filter.Type is { } type) events = events.Where(e => e.Type == type);
        if (filter.Trigger is { } trigger) events = events.Where(e => e.Trigger == trigger);
        if (filter.FromUtc is { } from) events = events.Where(e => e.StartedUtc >= from);
        if (filter.ToUtc is { } to) events = events.Where(e => e.StartedUtc < to);
        if (after is not null)
        {
            events = events.Where(e => e.StartedUtc < after.StartedUtc || (e.StartedUtc == after.StartedUtc && e.Id < after.Id));
        }
        // One row more than asked tells whether there is a next page without a second query.
        var rows = await events
            .OrderByDescending(e => e.StartedUtc).ThenByDescending(e => e.Id)
            .Take(limit + 1)
            .Select(e => new EventRow(e.Id, e.Type, e.Trigger, e.Status, e.StartedUtc, e.CompletedUtc, e.DurationMs,
                e.ItemsProcessed, e.ItemsAdded, e.ItemsUpdated, e.ItemsDeleted, e.ErrorCode, e.ErrorMessage,
                e.HttpStatus, e.Attempt, e.ErrorChainId, e.JobId))
            .ToListAsync(ct);
        if (rows.Count <= limit) return new EventPage(rows, null);
        rows.RemoveAt(limit);
        return new EventPage(rows, new EventCursor(rows[^1].StartedAt, rows[^1].Id));
    }

    /// <summary>One event with what the table leaves out (the sync tokens, the failure kind, the node); null when
    /// there is no such event.</summary>
    public async Task<EventDetail?> DetailAsync(string service, long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var detail = await db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == service && e.Id == id)
            .Select(e => new EventDetail(
                new EventRow(e.Id, e.Type, e.Trigger, e.Status, e.StartedUtc, e.CompletedUtc, e.DurationMs,
                    e.ItemsProcessed, e.ItemsAdded, e.ItemsUpdated, e.ItemsDeleted, e.ErrorCode, e.ErrorMessage,
                    e.HttpStatus, e.Attempt, e.ErrorChainId, e.JobId),
                e.ErrorKind, e.SyncTokenBefore, e.SyncTokenAfter, e.Node))
            .SingleOrDefaultAsync(ct);
        if (detail is null || detail.Event.Type != SyncType.Full) return detail;
        var verification = await db.MirrorVerifications.AsNoTracking().FirstOrDefaultAsync(v => v.SyncEventId == id, ct);
        return detail with { Verification = verification is null ? null : VerificationRow.Of(verification) };
    }

    /// <summary>Every event of a service that started in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), oldest
    /// first, read one row at a time as the caller pulls: an export of a million events never holds them all. The
    /// context lives as long as the enumeration.</summary>
    public async IAsyncEnumerable<EventRow> RangeAsync(
        string service, DateTime fromUtc, DateTime toUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.SyncEvents.AsNoTracking().TagWith(ExportTag)
            .Where(e => e.Service == service && e.StartedUtc >= fromUtc && e.StartedUtc < toUtc)
            .OrderBy(e => e.StartedUtc).ThenBy(e => e.Id)
            .Select(e => new EventRow(e.Id, e.Type, e.Trigger, e.Status, e.StartedUtc, e.CompletedUtc, e.DurationMs,
                e.ItemsProcessed, e.ItemsAdded, e.ItemsUpdated, e.ItemsDeleted, e.ErrorCode, e.ErrorMessage,
                e.HttpStatus, e.Attempt, e.ErrorChainId, e.JobId))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct)) yield return row;
    }
}
