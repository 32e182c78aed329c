using SyncDashboard.Health;

namespace SyncDashboard.Alerts;

public enum AlertChannel { Webhook, Email }

/// <summary>Pending: not tried yet. Failed with a next attempt: a redelivery is scheduled; without one: given up.</summary>
public enum DeliveryOutcome { Pending, Sent, Failed }

/// <summary>The flap control's memory, one row per service (<see cref="AlertMemory"/> plus bookkeeping). Every
/// update is conditional on <see cref="Version"/>, so two nodes evaluating at once cannot both announce the same
/// change: the second one's update fails, and it decides again from the first one's result.</summary>
public sealed class AlertState
{
    public required string Service { get; set; }
    public HealthStatus NotifiedStatus { get; set; } = HealthStatus.Healthy;
    public int ConsecutiveBad { get; set; }
    public int ConsecutiveGood { get; set; }
    public DateTime? LastSentUtc { get; set; }
    /// <summary>Comma-separated alert codes.</summary>
    public string NotifiedCriticalCodes { get; set; } = "";
    public HealthStatus? LastObservedStatus { get; set; }
    public DateTime? LastEvaluatedUtc { get; set; }
    /// <summary>The newest finished sync event counted, so one run counts as one evaluation.</summary>
    public long? LastRunEventId { get; set; }
    public long Evaluations { get; set; }
    public int Version { get; set; }

    public AlertMemory ToMemory() => new(
        NotifiedStatus, ConsecutiveBad, ConsecutiveGood, LastSentUtc,
        NotifiedCriticalCodes.Split(',', StringSplitOptions.RemoveEmptyEntries));

    public void Remember(AlertMemory memory)
    {
        NotifiedStatus = memory.NotifiedStatus;
        ConsecutiveBad = memory.ConsecutiveBad;
        ConsecutiveGood = memory.ConsecutiveGood;
        LastSentUtc = memory.LastSentUtc;
        NotifiedCriticalCodes = string.Join(',', memory.NotifiedCriticalCodes);
    }
}

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
    public DeliveryOutcome Outcome { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastAttemptUtc { get; set; }
    public DateTime? NextAttemptUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public string? JobId { get; set; }
}
