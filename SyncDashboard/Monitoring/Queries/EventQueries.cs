using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>A line of the events table and of <c>GET /api/monitoring/events</c>.</summary>
public sealed record EventRow(
    long Id,
    SyncType Type,
    SyncTrigger Trigger,
    SyncStatus Status,
    DateTime StartedAt,
    DateTime? CompletedAt,
    long? DurationMs,
    int ItemsProcessed,
    int ItemsAdded,
    int ItemsUpdated,
    int ItemsDeleted,
    string? ErrorCode,
    string? ErrorMessage,
    int? HttpStatus,
    int Attempt,
    long? ErrorChainId,
    string? JobId);

public sealed class EventQueries(IDbContextFactory<MonitoringDbContext> dbFactory)
{
    public const int MaxLimit = 500;

    /// <summary>The latest <paramref name="limit"/> events of a service, newest first (served by IX_sync_events_latest).</summary>
    public async Task<IReadOnlyList<EventRow>> LatestAsync(string service, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == service)
            .OrderByDescending(e => e.StartedUtc).ThenByDescending(e => e.Id)
            .Take(limit)
            .Select(e => new EventRow(e.Id, e.Type, e.Trigger, e.Status, e.StartedUtc, e.CompletedUtc, e.DurationMs,
                e.ItemsProcessed, e.ItemsAdded, e.ItemsUpdated, e.ItemsDeleted, e.ErrorCode, e.ErrorMessage,
                e.HttpStatus, e.Attempt, e.ErrorChainId, e.JobId))
            .ToListAsync(ct);
    }
}
