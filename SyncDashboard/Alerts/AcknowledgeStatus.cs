namespace SyncDashboard.Alerts;

public enum AcknowledgeStatus { Done, NotActive }
