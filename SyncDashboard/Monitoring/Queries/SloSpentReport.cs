namespace SyncDashboard.Monitoring.Queries;

/// <summary>How every objective in effect spent its budget, measured at <paramref name="NowUtc"/>.</summary>
public sealed record SloSpentReport(DateTime NowUtc, IReadOnlyList<SloSpent> Objectives);
