using Hangfire;
using Hangfire.Server;
using SyncDashboard.Data;
using SyncDashboard.Live;
using SyncDashboard.Sync;

namespace SyncDashboard.Webhooks;

/// <summary>The Hangfire entry point of a webhook-triggered sync: a thin adapter. It claims the burst's deliveries,
/// runs an incremental sync of type <see cref="SyncType.Webhook"/> through the engine, links the deliveries to its
/// event and hands the outcome to the retry scheduler like any other run.</summary>
public sealed class WebhookSyncJob(
    SyncEngine engine,
    RetryScheduler retries,
    WebhookClaims claims,
    WebhookInbox inbox,
    MonitoringNotifier notifier,
    ILogger<WebhookSyncJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Webhook sync")]
    public async Task RunAsync(PerformContext? context, CancellationToken ct)
    {
        var claimToken = Guid.NewGuid().ToString("N");
        var claimed = await claims.ClaimAsync(claimToken, ct);
        if (claimed == 0)
        {
            // An earlier run already covered this burst's deliveries.
            logger.LogInformation("Webhook sync: no unclaimed deliveries; nothing to do");
            return;
        }

        var request = new SyncRequest(SyncType.Webhook, SyncTrigger.Webhook, context?.BackgroundJob.Id);
        SyncOutcome outcome;
        try
        {
            outcome = await engine.RunAsync(request, ct);
        }
        catch
        {
            await claims.ReleaseAsync(claimToken, CancellationToken.None);
            throw;
        }

        if (outcome.EventId is { } eventId && outcome.Kind != SyncOutcomeKind.Skipped)
        {
            await claims.LinkAsync(claimToken, eventId, ct);
            // The engine notified at its commit, before this link existed; pages showing deliveries need a second look.
            await notifier.NotifyAsync();
            logger.LogInformation("Webhook sync #{EventId} covered {Count} deliver(ies): {Kind}", eventId, claimed, outcome.Kind);
            await retries.FollowUpAsync(request, outcome, ct);
            return;
        }

        // Not synced: another run held the lease, or Todoist's rate gate is closed. The deliveries wait for the next.
        await claims.ReleaseAsync(claimToken, ct);
        await inbox.ArmAsync(ct, outcome.DeferredUntilUtc);
        logger.LogInformation("Webhook sync {Kind}; its {Count} deliver(ies) wait for the next one", outcome.Kind, claimed);
    }
}
