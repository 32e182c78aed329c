using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>A manually triggered run, for a marker on the timeline.</summary>
public sealed record TimelineMarker(long EventId, DateTime StartedAt, SyncType Type, SyncStatus Status);
