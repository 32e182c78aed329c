using Microsoft.EntityFrameworkCore;
using SyncDashboard.Access;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Live;

namespace SyncDashboard.Sync;

/// <summary>Pause and resume the app's own syncing (see <see cref="PausePolicy"/>). Each change and its audit entry
/// commit together; asking for the state it is already in changes and records nothing.</summary>
public sealed class PauseCommands(
    IDbContextFactory<MonitoringDbContext> dbFactory,
    AuditLog audit,
    RetryScheduler retries,
    MonitoringNotifier notifier)
{
    public const string PauseDetails = "schedule, start-up, webhook and retry runs wait; Sync now still runs";

    /// <returns>Whether this call paused it (false: it was paused already).</returns>
    public Task<bool> PauseAsync(string actor, CancellationToken ct) => SetAsync(paused: true, actor, ct);

    /// <returns>Whether this call resumed it (false: it was not paused).</returns>
    public async Task<bool> ResumeAsync(string actor, CancellationToken ct)
    {
        var changed = await SetAsync(paused: false, actor, ct);
        // A retry that came due while paused was skipped and its job is done; the chain still wants it, so it is
        // scheduled again now (at once when its time has passed).
        if (changed) await retries.ReconcileAsync(ct);
        return changed;
    }

    private async Task<bool> SetAsync(bool paused, string actor, CancellationToken ct)
    {
        await SyncStateRow.EnsureAsync(dbFactory, ServiceName.Todoist, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Conditional, so two people pressing Pause at once record one pause, not two.
        var changed = await db.SyncStates
            .Where(s => s.Service == ServiceName.Todoist && s.IsPaused != paused)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsPaused, paused), ct);
        if (changed == 0) return false;
        audit.Add(db, paused ? AuditAction.Pause : AuditAction.Resume, actor, paused ? PauseDetails : null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await notifier.NotifyAsync();
        return true;
    }
}
