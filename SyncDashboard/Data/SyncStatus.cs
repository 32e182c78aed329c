namespace SyncDashboard.Data;

public enum SyncStatus { Started, Succeeded, Failed }
