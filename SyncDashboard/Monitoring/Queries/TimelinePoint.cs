using SyncDashboard.Health;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>One hour of the timeline; an hour in which nothing ran has zeros and null durations.</summary>
public sealed record TimelinePoint(DateTime Hour, int Successes, int Failures, double? MeanDurationMs, long? MaxDurationMs);
