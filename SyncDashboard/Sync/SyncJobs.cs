using Hangfire;
using Hangfire.Server;
using SyncDashboard.Data;

namespace SyncDashboard.Sync;

/// <summary>The Hangfire entry points: thin adapters that hand small arguments (a type, a trigger, a chain id — never
/// a token) to the engine and its outcome to the retry scheduler. Hangfire's own retries are off: exactly one retry
/// mechanism, ours, as delayed jobs.</summary>
public sealed class SyncJobs(SyncEngine engine, RetryScheduler retries, ILogger<SyncJobs> logger)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("{0} sync ({1})")]
    public async Task RunAsync(SyncType type, SyncTrigger trigger, PerformContext? context, CancellationToken ct)
    {
        var request = new SyncRequest(type, trigger, context?.BackgroundJob.Id);
        var outcome = await engine.RunAsync(request, ct);
        await retries.FollowUpAsync(request, outcome, ct);
    }

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Retry of failure chain #{0}")]
    public async Task RetryAsync(long chainId, PerformContext? context, CancellationToken ct)
    {
        var jobId = context?.BackgroundJob.Id;
        if (!await retries.IsCurrentRetryAsync(chainId, jobId, ct))
        {
            logger.LogInformation("Retry job {JobId} of chain {ChainId} is no longer wanted; nothing to do", jobId, chainId);
            return;
        }
        var request = new SyncRequest(SyncType.Incremental, SyncTrigger.Retry, jobId, chainId);
        var outcome = await engine.RunAsync(request, ct);
        await retries.FollowUpAsync(request, outcome, ct);
    }
}
