using SyncDashboard.Data;

namespace SyncDashboard.Alerts;

public sealed record PlannedNotification(NotificationKind Kind, HealthStatus From, HealthStatus To);
