using SyncDashboard.Data;

namespace SyncDashboard.Sync;

/// <summary>Whether and when a failed chain is tried again. Pure: kind, retries so far, Todoist's Retry-After, the
/// options and a random sample in [0, 1) go in; a decision comes out.</summary>
public static class RetryPolicy
{
    public static RetryDecision Decide(
        FailureKind kind, int retriesDone, TimeSpan? retryAfter, RetryOptions options, double randomSample)
    {
        if (!options.Enabled) return RetryDecision.GiveUp("retries are turned off (Retry:Enabled)");
        if (!kind.IsRetryable()) return RetryDecision.GiveUp($"{kind} failures need a human, not a retry");
        if (retriesDone >= options.MaxRetries) return RetryDecision.GiveUp($"retries exhausted ({options.MaxRetries})");

        var nominal = NominalDelay(retriesDone, options);
        var jitter = 1 + options.JitterRatio * (2 * randomSample - 1);
        var delay = nominal * jitter;
        // Todoist's Retry-After is a floor, jitter or not.
        if (retryAfter is { } floor && delay < floor) delay = floor;
        return RetryDecision.RetryAfter(delay);
    }

    /// <summary>The delay before retry number <paramref name="retriesDone"/> + 1, before jitter.</summary>
    public static TimeSpan NominalDelay(int retriesDone, RetryOptions options) =>
        TimeSpan.FromSeconds(Math.Min(options.MaxDelaySeconds,
            options.BaseDelaySeconds * Math.Pow(options.Multiplier, retriesDone)));
}
