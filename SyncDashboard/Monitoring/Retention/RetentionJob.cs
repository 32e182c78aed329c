using Hangfire;

namespace SyncDashboard.Monitoring.Retention;

/// <summary>The Hangfire entry point of the clean-up.</summary>
public sealed class RetentionJob(RetentionPurge purge, ILogger<RetentionJob> logger)
{
    public const string RecurringJobId = "retention";

    // No Hangfire retries: every batch already committed stays deleted and tomorrow's run picks up the rest, so a
    // retry would only repeat the failure sooner. A failure stays visible under Failed in /hangfire.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Delete sync history past its retention")]
    public async Task RunAsync(CancellationToken ct)
    {
        var result = await purge.RunAsync(ct);
        logger.LogInformation(
            "Retention: {Events} sync event(s), {Errors} resolved error chain(s) and {Webhooks} webhook row(s) before {Cutoff:O} deleted",
            result.EventsDeleted, result.ErrorsDeleted, result.WebhookRowsDeleted, result.CutoffUtc);
    }
}
