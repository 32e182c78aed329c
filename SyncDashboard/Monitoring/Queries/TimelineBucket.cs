namespace SyncDashboard.Monitoring.Queries;

/// <summary>One bar of the timeline: the attempts that started in [<paramref name="Start"/>, + bucket). Durations
/// describe successful runs (as the rollups count them) and are null when there was none.</summary>
public sealed record TimelineBucket(
    DateTime Start, int Successes, int Failures, double? MeanDurationMs, double? P95DurationMs, long? MaxDurationMs);
