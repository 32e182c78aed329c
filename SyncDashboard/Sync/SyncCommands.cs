using Hangfire;
using SyncDashboard.Access;
using SyncDashboard.Configuration;
using SyncDashboard.Data;

namespace SyncDashboard.Sync;

/// <summary>The actions the dashboard and the API offer; they enqueue Hangfire jobs and never sync inline. Each
/// accepted request is audited under its actor.</summary>
public sealed class SyncCommands(IBackgroundJobClient jobs, SyncLease lease, AuditLog audit)
{
    public const string BusyReason = "a sync is running right now; try again when it finishes";

    /// <summary>Queues a manual sync. It runs even while syncing is paused: see <see cref="PausePolicy"/>.</summary>
    public async Task<SyncRequestResult> RequestSyncAsync(SyncType type, string actor, CancellationToken ct)
    {
        if (await lease.IsHeldAsync(ServiceName.Todoist, ct)) return new SyncRequestResult(null, BusyReason);
        var jobId = jobs.Enqueue<SyncJobs>(j => j.RunAsync(type, SyncTrigger.Manual, null, CancellationToken.None));
        await audit.RecordAsync(AuditAction.SyncNow, actor, $"{type} sync, job {jobId}", ct);
        return new SyncRequestResult(jobId, null);
    }
}
