using Microsoft.Extensions.Options;
using SyncDashboard.Data;
using SyncDashboard.Monitoring;

namespace SyncDashboard.Alerts;

/// <summary>A notification as the page and <c>GET /api/monitoring/notifications</c> show it.</summary>
public sealed record NotificationRow(
    long Id,
    DateTime CreatedAt,
    AlertChannel Channel,
    NotificationKind Kind,
    HealthStatus PreviousStatus,
    HealthStatus Status,
    IReadOnlyList<string> AlertCodes,
    string Subject,
    NotificationOutcome Outcome,
    int Attempts,
    string? LastError,
    DateTime? LastAttemptAt,
    DateTime? NextAttemptAt,
    DateTime? SentAt);
