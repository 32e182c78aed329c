using Hangfire;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Access;
using SyncDashboard.Data;
using SyncDashboard.Live;

namespace SyncDashboard.Sync;

/// <summary>What an operator can do to a failure chain: end it by hand, or retry it now.</summary>
public sealed class ErrorCommands(
    IDbContextFactory<MonitoringDbContext> dbFactory,
    IBackgroundJobClient jobs,
    RetryScheduler retries,
    MonitoringNotifier notifier,
    AuditLog audit,
    TimeProvider time)
{
    public const string PausedReason =
        "syncing is paused, so a retry would wait too; resume syncing, or use Sync now (it runs while paused and a " +
        "success resolves the chain)";

    /// <summary>Resolves the chain (<see cref="ErrorResolution.Manual"/>) and cancels its pending retry, so that
    /// retry never runs. The resolution and its audit entry commit together.</summary>
    public async Task<ChainActionResult> ResolveAsync(long chainId, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await db.SyncErrors.SingleOrDefaultAsync(c => c.Id == chainId, ct);
        if (chain is null) return new(ChainActionStatus.NotFound);
        if (chain.ResolvedUtc is not null) return new(ChainActionStatus.AlreadyResolved);

        var pending = chain.PendingJobId;
        chain.ResolvedUtc = time.GetUtcNow().UtcDateTime;
        chain.Resolution = ErrorResolution.Manual;
        chain.ResolvedBy = actor.Length <= 128 ? actor : actor[..128];
        chain.NextRetryUtc = null;
        chain.PendingJobId = null;
        audit.Add(db, AuditAction.ResolveError, actor,
            pending is null ? $"chain #{chainId}" : $"chain #{chainId}, retry job {pending} cancelled");
        await db.SaveChangesAsync(ct);
        // After the commit: should the job start in between, it finds the chain resolved and does nothing.
        if (pending is not null) jobs.Delete(pending);
        await notifier.NotifyAsync();
        return new(ChainActionStatus.Done);
    }

    /// <summary>Runs the chain's retry now instead of at its scheduled time. Refused while syncing is paused: the
    /// retry would only wait (<see cref="PausePolicy"/>), and a button that does nothing is worse than a reason.</summary>
    public async Task<ChainActionResult> RetryNowAsync(long chainId, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await db.SyncErrors.AsNoTracking().SingleOrDefaultAsync(c => c.Id == chainId, ct);
        if (chain is null) return new(ChainActionStatus.NotFound);
        if (chain.ResolvedUtc is not null) return new(ChainActionStatus.AlreadyResolved);
        if (await db.SyncStates.AnyAsync(s => s.Service == chain.Service && s.IsPaused, ct)) return new(ChainActionStatus.Paused);

        if (chain.PendingJobId is { } pending) jobs.Delete(pending);
        var jobId = await retries.ScheduleRetryAsync(chainId, time.GetUtcNow().UtcDateTime, ct);
        if (jobId is null) return new(ChainActionStatus.AlreadyResolved);
        // After the scheduling: the entry names the job, and a retry that could not be scheduled did not happen.
        await audit.RecordAsync(AuditAction.RetryNow, actor, $"chain #{chainId}, job {jobId}", ct);
        await notifier.NotifyAsync();
        return new(ChainActionStatus.Done, jobId);
    }
}
