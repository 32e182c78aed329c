namespace SyncDashboard.Data;

/// <summary>AfterMaintenance: the one summary at a maintenance window's end, sent when a problem it held back outlived it.</summary>
public enum NotificationKind { StatusChanged, Recovered, CriticalAlert, Reminder, AfterMaintenance }
