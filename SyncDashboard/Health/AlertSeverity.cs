namespace SyncDashboard.Health;

public enum AlertSeverity { Info, Warning, Critical }
