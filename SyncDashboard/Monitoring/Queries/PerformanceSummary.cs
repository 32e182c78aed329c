namespace SyncDashboard.Monitoring.Queries;

public sealed record PerformanceSummary(int Days, DateTime From, DateTime To, IReadOnlyList<SyncTypePerformance> ByType);
