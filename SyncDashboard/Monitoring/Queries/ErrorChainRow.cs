using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>A failure chain as the error report shows it: what failed, how often, what happens next.</summary>
public sealed record ErrorChainRow(
    long Id,
    FailureKind Kind,
    string? ErrorCode,
    string Message,
    int? HttpStatus,
    string? TodoistErrorTag,
    int? TodoistErrorCode,
    string? TodoistEventId,
    int? RetryAfterSeconds,
    int RetryCount,
    DateTime? NextRetryAt,
    double? SecondsToNextRetry,
    string? PendingJobId,
    DateTime CreatedAt,
    DateTime LastOccurredAt,
    DateTime? ResolvedAt,
    ErrorResolution? Resolution,
    string? ResolvedBy,
    IReadOnlyList<ChainAttemptRow> Attempts);
