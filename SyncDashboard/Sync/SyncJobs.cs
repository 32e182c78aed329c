using Hangfire;
using Hangfire.Server;
using SyncDashboard.Data;

namespace SyncDashboard.Sync;

/// <summary>The Hangfire entry points: thin adapters that hand small arguments (a type, a trigger, a chain id — never
/// a token) to the engine and its outcome to the retry scheduler. A sync's own failures never reach Hangfire: the engine
/// records them and the retry scheduler retries them, as delayed jobs (one retry mechanism for syncs). What does reach
/// Hangfire is a failure around the run: the database or Hangfire's storage failing at its start, while recording it
/// or while scheduling its follow-up (on PostgreSQL: a lock row a killed node left behind, a connection cut). Such a job
/// did not do its work, so Hangfire runs it again a few times (<see cref="InfrastructureRetries"/>) rather than ending
/// it Failed: a "Sync now" must not be lost to a hiccup. Running again is safe: the lease, the chain's pending job id
/// and the Started event make a second run a normal run, a skipped one or a no-op.</summary>
public sealed class SyncJobs(SyncEngine engine, RetryScheduler retries, ILogger<SyncJobs> logger)
{
    /// <summary>Attempts after a failure around the run (see the class remarks), 5 s, 30 s and 2 min apart.</summary>
    public const int InfrastructureRetries = 3;

    [AutomaticRetry(Attempts = InfrastructureRetries, DelaysInSeconds = [5, 30, 120])]
    [JobDisplayName("{0} sync ({1})")]
    public async Task RunAsync(SyncType type, SyncTrigger trigger, PerformContext? context, CancellationToken ct)
    {
        var request = new SyncRequest(type, trigger, context?.BackgroundJob.Id);
        var outcome = await engine.RunAsync(request, ct);
        await retries.FollowUpAsync(request, outcome, ct);
    }

    [AutomaticRetry(Attempts = InfrastructureRetries, DelaysInSeconds = [5, 30, 120])]
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
