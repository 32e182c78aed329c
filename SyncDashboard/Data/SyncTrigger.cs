namespace SyncDashboard.Data;

public enum SyncTrigger { Schedule, Manual, Retry, Webhook, Startup }
