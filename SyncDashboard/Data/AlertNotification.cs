namespace SyncDashboard.Data;

/// <summary>One notification to one channel, with its delivery outcome. The message is rebuilt from these columns at
/// each attempt; nothing here is secret (channel settings stay in configuration).</summary>
public sealed class AlertNotification
{
    public long Id { get; set; }
    public required string Service { get; set; }
    public DateTime CreatedUtc { get; set; }
    public AlertChannel Channel { get; set; }
    public NotificationKind Kind { get; set; }
    public HealthStatus FromStatus { get; set; }
    public HealthStatus ToStatus { get; set; }
    /// <summary>Comma-separated codes of the alerts open when it was decided, worst first.</summary>
    public string AlertCodes { get; set; } = "";
    /// <summary>The open alerts (code, severity, message, since) as JSON, as the payload carries them.</summary>
    public string AlertsJson { get; set; } = "[]";
    public required string Subject { get; set; }
    /// <summary>For a recovery: the first bad evaluation of the problem it ends, and the first Healthy one after it.</summary>
    public DateTime? ProblemSinceUtc { get; set; }
    public DateTime? ProblemEndedUtc { get; set; }
    /// <summary>For a recovery: the newest failure chain open during the problem, if any (its page is linked).</summary>
    public long? ErrorChainId { get; set; }
    /// <summary>The maintenance window that held it (<see cref="NotificationOutcome.Suppressed"/>), or whose end it
    /// announces (<see cref="NotificationKind.AfterMaintenance"/>). No foreign key: the record outlives a deleted window.</summary>
    public long? MaintenanceWindowId { get; set; }
    public NotificationOutcome Outcome { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastAttemptUtc { get; set; }
    public DateTime? NextAttemptUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public string? JobId { get; set; }
}
