using Hangfire;
using Microsoft.Extensions.Options;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Todoist;

namespace SyncDashboard.Sync;

/// <summary>At start-up: clears what a crashed process left behind, registers the recurring syncs and, if asked,
/// queues a first sync. Registered after the database migrator, so the schema is there.</summary>
public sealed class SyncSchedule(
    IRecurringJobManager recurring,
    IBackgroundJobClient jobs,
    SyncLease lease,
    RunRecorder recorder,
    RetryScheduler retries,
    TodoistTargetResolver targets,
    IOptions<SyncOptions> options,
    ILogger<SyncSchedule> logger) : IHostedService
{
    public const string IncrementalJobId = "sync-incremental";
    public const string FullJobId = "sync-full";

    public async Task StartAsync(CancellationToken ct)
    {
        await lease.ReleaseIfOwnerDiedAsync(ServiceName.Todoist, ct);
        await recorder.CloseAbandonedAsync(ServiceName.Todoist, ct);
        await retries.ReconcileAsync(ct);

        var sync = options.Value;
        var incrementalCron = sync.IncrementalCronFor(targets.IsDemoMode);
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        recurring.AddOrUpdate<SyncJobs>(IncrementalJobId,
            j => j.RunAsync(SyncType.Incremental, SyncTrigger.Schedule, null, CancellationToken.None), incrementalCron, utc);
        recurring.AddOrUpdate<SyncJobs>(FullJobId,
            j => j.RunAsync(SyncType.Full, SyncTrigger.Schedule, null, CancellationToken.None), sync.FullCron, utc);
        logger.LogInformation("Recurring syncs: incremental '{Incremental}', full '{Full}' (UTC){Demo}",
            incrementalCron, sync.FullCron, targets.IsDemoMode ? " — demo mode: simulated Todoist" : "");

        if (sync.SyncOnStartup)
        {
            jobs.Enqueue<SyncJobs>(j => j.RunAsync(SyncType.Incremental, SyncTrigger.Startup, null, CancellationToken.None));
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
