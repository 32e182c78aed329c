using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>One attempt of a failure chain.</summary>
public sealed record ChainAttemptRow(
    long EventId, int Attempt, SyncTrigger Trigger, SyncStatus Status, DateTime StartedAt, long? DurationMs,
    string? ErrorCode, string? ErrorMessage, int? HttpStatus);
