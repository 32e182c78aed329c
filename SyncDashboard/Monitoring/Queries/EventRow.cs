using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

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
