namespace SyncDashboard.Data;

public enum NotificationKind { StatusChanged, Recovered, CriticalAlert, Reminder }
