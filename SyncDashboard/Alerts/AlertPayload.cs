using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Alerts;

/// <summary>The JSON body the webhook channel posts (camelCase, enums as names).</summary>
public sealed record AlertPayload(
    long Id,
    string Service,
    NotificationKind Kind,
    HealthStatus Status,
    HealthStatus PreviousStatus,
    IReadOnlyList<HealthAlertRow> Alerts,
    DateTime Time,
    string? DashboardUrl);
