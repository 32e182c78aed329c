namespace SyncDashboard.Monitoring.Queries;

/// <summary>The last 24 hours in two numbers; null when nothing ran (or nothing succeeded, for the duration).</summary>
public sealed record RecentPerformanceSummary(int Attempts, int Successes, int Failures, double? SuccessRate, double? MeanDurationMs);
