namespace SyncDashboard.Data;

public enum AlertChannel { Webhook, Email }
