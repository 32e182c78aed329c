using Hangfire;
using Hangfire.Server;
using SyncDashboard.Monitoring;

namespace SyncDashboard.Sync;

/// <summary>The Hangfire entry point: a thin adapter that hands small arguments to the engine. Hangfire's own
/// retries are off: a failed run is recorded by the engine, and retrying is the retry policy's job alone.</summary>
public sealed class SyncJobs(SyncEngine engine)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("{0} sync ({1})")]
    public async Task RunAsync(SyncType type, SyncTrigger trigger, PerformContext? context, CancellationToken ct) =>
        await engine.RunAsync(new SyncRequest(type, trigger, context?.BackgroundJob.Id), ct);
}
