namespace SyncDashboard.Monitoring.Queries;

/// <summary>Everything the dashboard's first screen shows, in one call.</summary>
public sealed record DashboardSummary(
    StateSummary Overview,
    DashboardHealthSummary Health,
    RecentPerformanceSummary Performance,
    IReadOnlyList<EventRow> RecentActivity,
    VerificationStatus Verification);
