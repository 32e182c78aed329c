namespace SyncDashboard.Data;

/// <summary>How a failed Todoist call is classified; it decides whether a retry can help.</summary>
public enum FailureKind { Transient, RateLimited, Credentials, InvalidSyncToken, Contract, Unknown }
