using SyncDashboard.Data;

namespace SyncDashboard.Maintenance;

/// <summary>A notification a maintenance window held back (never sent).</summary>
public sealed record SuppressedRow(long Id, DateTime At, AlertChannel Channel, NotificationKind Kind, string Subject);
