using SyncDashboard.Data;
using SyncDashboard.Health;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>The dashboard's health panel: the verdict, its alerts, when the next sync is due, uptime and how old the
/// mirrored data is (seconds since the last success; null before the first).</summary>
public sealed record DashboardHealthSummary(
    HealthStatus Status,
    IReadOnlyList<HealthAlertRow> Alerts,
    DateTime? NextScheduledSyncAt,
    UptimeSummary Uptime,
    double? DataAgeSeconds);
