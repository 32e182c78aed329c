using Hangfire;

namespace SyncDashboard.Monitoring.Rollups;

/// <summary>The Hangfire entry point of the rollups.</summary>
public sealed class MetricRollupJob(MetricRollups rollups, ILogger<MetricRollupJob> logger)
{
    public const string RecurringJobId = "metric-rollups";

    // No Hangfire retries: the run is idempotent and the next occurrence (an hour later by default) recomputes
    // everything a failed one would have, whereas Hangfire's ten retries would pile up behind it. A failure stays
    // visible under Failed in /hangfire. Two overlapping runs would race to insert the same new rows; the lock makes
    // the second wait (and fail after the timeout, to be repaired by the next occurrence).
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [JobDisplayName("Roll hourly metrics into days and weeks")]
    public async Task RunAsync(CancellationToken ct)
    {
        var result = await rollups.RunAsync(ct);
        logger.LogInformation("Rollups: {Weeks} week(s) and {Days} day(s) recomputed, {Rows} row(s) written",
            result.Weeks, result.Days, result.RowsWritten);
    }
}
