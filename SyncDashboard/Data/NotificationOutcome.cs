namespace SyncDashboard.Data;

/// <summary>Pending: not tried yet. Failed with a next attempt: a redelivery is scheduled; without one: given up.
/// Suppressed: held by a maintenance window and never sent; its next attempt is the window's end, when the alert
/// evaluation decides whether one summary goes out (then the next attempt is cleared).</summary>
public enum NotificationOutcome { Pending, Sent, Failed, Suppressed }
