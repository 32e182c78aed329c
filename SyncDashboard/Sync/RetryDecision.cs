namespace SyncDashboard.Sync;

public sealed record RetryDecision(TimeSpan? Delay, string? GiveUpReason)
{
    public bool ShouldRetry => Delay is not null;

    public static RetryDecision RetryAfter(TimeSpan delay) => new(delay, null);

    public static RetryDecision GiveUp(string reason) => new(null, reason);
}
