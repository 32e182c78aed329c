namespace SyncDashboard.Data;

/// <summary>Pending: not tried yet. Failed with a next attempt: a redelivery is scheduled; without one: given up.</summary>
public enum NotificationOutcome { Pending, Sent, Failed }
