using Microsoft.Extensions.Options;
using SyncDashboard.Health;

namespace SyncDashboard.Sync;

/// <summary>The chain a failure was recorded on, and when it should be retried (null: no new retry).</summary>
public sealed record FailureRecord(long ChainId, DateTime? RetryAtUtc);
