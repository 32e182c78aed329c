using SyncDashboard.Data;

namespace SyncDashboard.Health;

/// <summary>The facts of an open error chain that health depends on. <paramref name="SinceUtc"/> is the chain's
/// first failure; <paramref name="RetriesExhausted"/> means nothing automatic will try it again.</summary>
public sealed record OpenChainSummary(FailureKind Kind, DateTime SinceUtc, int RetryCount, bool RetriesExhausted)
{
    /// <summary>Exhausted: no retry is pending and none will come, because the kind is not retryable or every
    /// retry was spent. With retries turned off a retryable failure is not "exhausted": the next scheduled run is
    /// its retry, and the consecutive-failure rule judges it. <paramref name="maxRetries"/> is null when retries are
    /// turned off.</summary>
    public static OpenChainSummary Of(
        FailureKind kind, DateTime createdUtc, int retryCount, DateTime? nextRetryUtc, int? maxRetries) =>
        new(kind, createdUtc, retryCount,
            RetriesExhausted: nextRetryUtc is null &&
                              (!kind.IsRetryable() || retryCount >= maxRetries));
}
