using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Live;

namespace SyncDashboard.Sync;

/// <summary>Turns what a run decided into Hangfire jobs: a delayed job per retry (visible in /hangfire), the deletion
/// of retries a success made pointless, and deferred runs after a 429. The chain row is the truth; the job id on it
/// is how a resolve or a restart finds the job.</summary>
public sealed class RetryScheduler(
    IBackgroundJobClient jobs,
    JobStorage storage,
    IDbContextFactory<MonitoringDbContext> dbFactory,
    TimeProvider time,
    MonitoringNotifier notifier,
    ILogger<RetryScheduler> logger)
{
    public async Task FollowUpAsync(SyncRequest request, SyncOutcome outcome, CancellationToken ct)
    {
        if (outcome.ObsoleteRetryJobId is { } obsolete) jobs.Delete(obsolete);

        if (outcome.RetryAtUtc is { } retryAt && outcome.ChainId is { } chainId)
        {
            await ScheduleRetryAsync(chainId, retryAt, ct);
        }
        else if (outcome is { Kind: SyncOutcomeKind.Deferred, DeferredUntilUtc: { } until })
        {
            await DeferAsync(request, until, ct);
        }
    }

    /// <summary>Schedules the chain's next retry and records its job id; if the chain was resolved meanwhile the
    /// job is deleted again at once.</summary>
    public async Task<string?> ScheduleRetryAsync(long chainId, DateTime retryAtUtc, CancellationToken ct)
    {
        retryAtUtc = NotBefore(retryAtUtc);
        var jobId = jobs.Schedule<SyncJobs>(j => j.RetryAsync(chainId, null, CancellationToken.None),
            new DateTimeOffset(retryAtUtc, TimeSpan.Zero));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recorded = await db.SyncErrors
            .Where(c => c.Id == chainId && c.ResolvedUtc == null)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.PendingJobId, jobId).SetProperty(x => x.NextRetryUtc, retryAtUtc), ct);
        if (recorded == 0)
        {
            jobs.Delete(jobId);
            return null;
        }
        logger.LogInformation("Retry of chain {ChainId} scheduled for {RetryAt:u} (job {JobId})", chainId, retryAtUtc, jobId);
        // The run that failed was announced before its retry existed: the Errors page shows the pending job only now.
        await notifier.NotifyAsync();
        return jobId;
    }

    /// <summary>Whether <paramref name="jobId"/> is still the retry the chain is waiting for (not resolved by hand,
    /// not superseded by "Retry now").</summary>
    public async Task<bool> IsCurrentRetryAsync(long chainId, string? jobId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await db.SyncErrors.AsNoTracking().SingleOrDefaultAsync(c => c.Id == chainId, ct);
        // A job can start in the instant between being queued and its id being stored on the chain.
        return chain is { ResolvedUtc: null, NextRetryUtc: not null } &&
               (chain.PendingJobId is null || chain.PendingJobId == jobId);
    }

    /// <summary>At start-up: the database is the truth. A pending retry whose job is gone (in-memory storage after a
    /// restart, or a crash between recording and scheduling) is scheduled again, at its time or at once.</summary>
    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.SyncErrors.AsNoTracking()
            .Where(c => c.ResolvedUtc == null && c.NextRetryUtc != null)
            .Select(c => new { c.Id, c.PendingJobId, c.NextRetryUtc })
            .ToListAsync(ct);
        var rescheduled = 0;
        foreach (var chain in pending.Where(c => !IsAlive(c.PendingJobId)))
        {
            var now = time.GetUtcNow().UtcDateTime;
            var at = chain.NextRetryUtc!.Value > now ? chain.NextRetryUtc.Value : now;
            await ScheduleRetryAsync(chain.Id, at, ct);
            rescheduled++;
        }
        if (rescheduled > 0) logger.LogWarning("Rescheduled {Count} pending retr(ies) whose job was gone", rescheduled);
        return rescheduled;
    }

    /// <summary>A run that Todoist's 429 held back runs again when the wait is over. Scheduled runs are not carried
    /// over: the next one comes anyway. A retry keeps its place as the chain's pending retry.</summary>
    private async Task DeferAsync(SyncRequest request, DateTime until, CancellationToken ct)
    {
        switch (request.Trigger)
        {
            case SyncTrigger.Schedule:
                return;
            case SyncTrigger.Retry when request.ChainId is { } chainId:
                await ScheduleRetryAsync(chainId, until, ct);
                return;
            default:
                jobs.Schedule<SyncJobs>(j => j.RunAsync(request.Type, request.Trigger, null, CancellationToken.None),
                    new DateTimeOffset(NotBefore(until), TimeSpan.Zero));
                return;
        }
    }

    /// <summary>Hangfire keeps a delayed job's time in whole seconds, so a job due at 12:00:03.7 becomes due at
    /// 12:00:03 and could call Todoist before its Retry-After is over; rounding up keeps every delay a floor.</summary>
    private static DateTime NotBefore(DateTime utc) =>
        new(utc.Ticks + (TimeSpan.TicksPerSecond - utc.Ticks % TimeSpan.TicksPerSecond) % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    private static readonly HashSet<string> LiveStates =
        [ScheduledState.StateName, EnqueuedState.StateName, ProcessingState.StateName, AwaitingState.StateName];

    private bool IsAlive(string? jobId)
    {
        if (jobId is null) return false;
        using var connection = storage.GetConnection();
        var state = connection.GetJobData(jobId)?.State;
        return LiveStates.Contains(state ?? "");
    }
}
