using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Alerts;

/// <summary>The JSON body the webhook channel posts (camelCase, enums as names). A recovery also says when the problem
/// began and ended and how long it lasted in seconds (null when the start was not recorded), and the failure chain
/// open during it with the address of its card on the Errors page (null without a chain, the address also null
/// without <c>Alerts:DashboardUrl</c>).</summary>
public sealed record AlertPayload(
    long Id,
    string Service,
    NotificationKind Kind,
    HealthStatus Status,
    HealthStatus PreviousStatus,
    IReadOnlyList<HealthAlertRow> Alerts,
    DateTime Time,
    string? DashboardUrl,
    DateTime? ProblemStartedAt = null,
    DateTime? ProblemEndedAt = null,
    double? ProblemSeconds = null,
    long? ErrorChainId = null,
    string? ErrorChainUrl = null);
