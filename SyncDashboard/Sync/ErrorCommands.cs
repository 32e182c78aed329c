using Hangfire;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Monitoring;

namespace SyncDashboard.Sync;

public enum ChainActionStatus { Done, NotFound, AlreadyResolved }

public sealed record ChainActionResult(ChainActionStatus Status, string? JobId = null);

/// <summary>What an operator can do to a failure chain: end it by hand, or retry it now.</summary>
public sealed class ErrorCommands(
    IDbContextFactory<MonitoringDbContext> dbFactory,
    IBackgroundJobClient jobs,
    RetryScheduler retries,
    MonitoringNotifier notifier,
    TimeProvider time)
{
    /// <summary>Resolves the chain (<see cref="ErrorResolution.Manual"/>) and cancels its pending retry, so that
    /// retry never runs.</summary>
    public async Task<ChainActionResult> ResolveAsync(long chainId, string resolvedBy, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await db.SyncErrors.SingleOrDefaultAsync(c => c.Id == chainId, ct);
        if (chain is null) return new(ChainActionStatus.NotFound);
        if (chain.ResolvedUtc is not null) return new(ChainActionStatus.AlreadyResolved);

        var pending = chain.PendingJobId;
        chain.ResolvedUtc = time.GetUtcNow().UtcDateTime;
        chain.Resolution = ErrorResolution.Manual;
        chain.ResolvedBy = resolvedBy.Length <= 128 ? resolvedBy : resolvedBy[..128];
        chain.NextRetryUtc = null;
        chain.PendingJobId = null;
        await db.SaveChangesAsync(ct);
        // After the commit: should the job start in between, it finds the chain resolved and does nothing.
        if (pending is not null) jobs.Delete(pending);
        await notifier.NotifyAsync();
        return new(ChainActionStatus.Done);
    }

    /// <summary>Runs the chain's retry now instead of at its scheduled time.</summary>
    public async Task<ChainActionResult> RetryNowAsync(long chainId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await db.SyncErrors.AsNoTracking().SingleOrDefaultAsync(c => c.Id == chainId, ct);
        if (chain is null) return new(ChainActionStatus.NotFound);
        if (chain.ResolvedUtc is not null) return new(ChainActionStatus.AlreadyResolved);

        if (chain.PendingJobId is { } pending) jobs.Delete(pending);
        var jobId = await retries.ScheduleRetryAsync(chainId, time.GetUtcNow().UtcDateTime, ct);
        await notifier.NotifyAsync();
        return jobId is null ? new(ChainActionStatus.AlreadyResolved) : new(ChainActionStatus.Done, jobId);
    }
}
