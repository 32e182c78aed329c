using SyncDashboard.Data;
using SyncDashboard.Slo;

namespace SyncDashboard.Health;

/// <summary>Everything <see cref="HealthEvaluator"/> judges, as plain values: one <c>SyncState</c> row, the open
/// error chain, the last hour's rollup and a few aggregates. Start from <see cref="FromState"/> and add the rest with
/// <c>with { … }</c>; whatever is left at its default simply raises no alert.</summary>
public sealed record HealthInput
{
    /// <summary>Any attempt finished, successful or not. False: the status is <c>Unknown</c>, nothing else counts.</summary>
    public bool HasRun { get; init; }
    public DateTime? LastSuccessUtc { get; init; }
    public DateTime? LastFailureUtc { get; init; }
    /// <summary><c>SyncState.ConsecutiveFailures</c>: failed attempts since the last success.</summary>
    public int ConsecutiveFailures { get; init; }
    /// <summary>The kind of the last failed attempt; judged only while <see cref="ConsecutiveFailures"/> &gt; 0.</summary>
    public FailureKind? LastFailureKind { get; init; }
    public DateTime? RateLimitedUntilUtc { get; init; }
    /// <summary>A paused sync is stale by the operator's choice: no <c>STALE_DATA</c>.</summary>
    public bool IsPaused { get; init; }
    /// <summary>The unresolved error chain, if any.</summary>
    public OpenChainSummary? OpenChain { get; init; }
    /// <summary>How often a sync is expected (the incremental cron's period, see <see cref="SyncInterval"/>);
    /// null or zero: staleness is not judged.</summary>
    public TimeSpan? ExpectedInterval { get; init; }
    /// <summary>Finished attempts of the last hour (successes plus failures, as in the hourly rollup).</summary>
    public int LastHourAttempts { get; init; }
    public int LastHourFailures { get; init; }
    /// <summary>The last hour's p95 duration of successful runs other than full syncs (a full sync is meant to be
    /// slower), exact: the nearest-rank percentile over the last hour's raw events, a few dozen rows.</summary>
    public double? LastHourP95Ms { get; init; }
    /// <summary>The median duration of successful runs over the 7 days before the recent hours, from the merged hourly
    /// duration sketches (<see cref="DurationSketch"/>, within 1 % of the nearest-rank median); null below a
    /// minimum of baseline runs.</summary>
    public double? SevenDayMedianMs { get; init; }
    /// <summary>The largest share of the mirror one recent sync deleted (deleted ÷ mirrored objects before it);
    /// "recent" is the caller's window, a day suits the dashboard.</summary>
    public double? LargestRecentDeletionShare { get; init; }
    public DateTime? LargestRecentDeletionUtc { get; init; }
    /// <summary>The latest verification that compared the mirror with Todoist (not one that could not align).</summary>
    public VerificationSummary? LastVerification { get; init; }
    /// <summary>The objectives whose error budget burns too fast (<see cref="SloBurnRules"/>), one per objective.</summary>
    public IReadOnlyList<SloBurnFinding> SloBurns { get; init; } = [];

    public static HealthInput FromState(SyncState state) => new()
    {
        HasRun = state.LastSuccessfulSyncUtc is not null || state.LastFailedSyncUtc is not null,
        LastSuccessUtc = state.LastSuccessfulSyncUtc,
        LastFailureUtc = state.LastFailedSyncUtc,
        ConsecutiveFailures = state.ConsecutiveFailures,
        RateLimitedUntilUtc = state.RateLimitedUntilUtc,
        IsPaused = state.IsPaused,
    };
}
