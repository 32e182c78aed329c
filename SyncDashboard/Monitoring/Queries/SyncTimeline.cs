using SyncDashboard.Health;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>Every hour from <paramref name="From"/> (inclusive) to <paramref name="To"/> (exclusive), oldest first.</summary>
public sealed record SyncTimeline(
    DateTime From, DateTime To, IReadOnlyList<TimelinePoint> Hours, IReadOnlyList<TimelineMarker> ManualTriggers);
