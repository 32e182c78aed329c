namespace SyncDashboard.Data;

/// <summary>One sync attempt, recorded as <see cref="SyncStatus.Started"/> before Todoist is called and completed in
/// the same transaction as the data it brought.</summary>
public sealed class SyncEvent
{
    public long Id { get; set; }
    public required string Service { get; set; }
    public SyncType Type { get; set; }
    public SyncTrigger Trigger { get; set; }
    public SyncStatus Status { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }
    public long? DurationMs { get; set; }
    public int ItemsProcessed { get; set; }
    public int ItemsAdded { get; set; }
    public int ItemsUpdated { get; set; }
    public int ItemsDeleted { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public FailureKind? ErrorKind { get; set; }
    public int? HttpStatus { get; set; }
    public string? SyncTokenBefore { get; set; }
    public string? SyncTokenAfter { get; set; }
    public int Attempt { get; set; } = 1;
    public long? ErrorChainId { get; set; }
    public string? JobId { get; set; }
    /// <summary>The machine that ran the attempt, so a multi-node deployment can tell its workers apart.</summary>
    public string? Node { get; set; }
}
