namespace SyncDashboard.Data;

/// <summary>One failure chain: created by the first failed attempt, updated by each failed retry, resolved by the
/// next success or by hand. Never one row per attempt.</summary>
public sealed class SyncError
{
    public long Id { get; set; }
    public required string Service { get; set; }
    public FailureKind Kind { get; set; }
    public string? ErrorCode { get; set; }
    public required string Message { get; set; }
    public int? HttpStatus { get; set; }
    public string? TodoistErrorTag { get; set; }
    public int? TodoistErrorCode { get; set; }
    public string? TodoistEventId { get; set; }
    public int? RetryAfterSeconds { get; set; }
    public int RetryCount { get; set; }
    public DateTime? NextRetryUtc { get; set; }
    public string? PendingJobId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime LastOccurredUtc { get; set; }
    public DateTime? ResolvedUtc { get; set; }
    public ErrorResolution? Resolution { get; set; }
    public string? ResolvedBy { get; set; }

    public bool IsOpen => ResolvedUtc is null;
}
