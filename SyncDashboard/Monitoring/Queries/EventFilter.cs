using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>Which events to list; null means any. <paramref name="FromUtc"/> and <paramref name="ToUtc"/> bound the
/// start time as [from, to).</summary>
public sealed record EventFilter(
    SyncStatus? Status = null, SyncType? Type = null, SyncTrigger? Trigger = null,
    DateTime? FromUtc = null, DateTime? ToUtc = null)
{
    public static readonly EventFilter All = new();
}
