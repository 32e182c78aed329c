namespace SyncDashboard.Data;

public enum SyncType { Full, Incremental, Webhook }
