using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Sync.Mirror;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Sync;

/// <summary>How a run ended. A skipped run (the lease was busy) recorded nothing and is not a failure; a deferred one
/// did not call Todoist because Todoist asked us to wait until <see cref="DeferredUntilUtc"/>; a paused one was held
/// back by <see cref="PausePolicy"/> and recorded nothing either (it is no attempt, so no event, failure or metric).</summary>
public sealed record SyncOutcome(SyncOutcomeKind Kind, long? EventId = null, SyncFailure? Failure = null)
{
    public static readonly SyncOutcome Skipped = new(SyncOutcomeKind.Skipped);

    public static readonly SyncOutcome Paused = new(SyncOutcomeKind.Paused);

    /// <summary>The failure chain the run belongs to, if any.</summary>
    public long? ChainId { get; init; }

    /// <summary>When the retry policy wants the chain tried again; the scheduler turns it into a delayed job.</summary>
    public DateTime? RetryAtUtc { get; init; }

    public DateTime? DeferredUntilUtc { get; init; }

    /// <summary>A pending retry job that the success made pointless; the scheduler deletes it.</summary>
    public string? ObsoleteRetryJobId { get; init; }
}
