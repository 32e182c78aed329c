namespace SyncDashboard.Data;

public static class FailureKindRules
{
    /// <summary>Whether waiting and trying again can help: an outage, a rate limit or an unknown failure may pass;
    /// bad credentials, a rejected sync token and a broken contract need a human (or a full sync) instead.</summary>
    public static bool IsRetryable(this FailureKind kind) =>
        kind is FailureKind.Transient or FailureKind.RateLimited or FailureKind.Unknown;
}
