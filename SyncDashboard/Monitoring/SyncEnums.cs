namespace SyncDashboard.Monitoring;

public enum SyncType { Full, Incremental, Webhook }

public enum SyncTrigger { Schedule, Manual, Retry, Webhook, Startup }

public enum SyncStatus { Started, Succeeded, Failed }

public enum MetricPeriod { Hourly, Daily, Weekly }

public enum ErrorResolution { RetrySucceeded, Recovered, Manual }

/// <summary>How a failed Todoist call is classified; it decides whether a retry can help.</summary>
public enum FailureKind { Transient, RateLimited, Credentials, InvalidSyncToken, Contract, Unknown }
