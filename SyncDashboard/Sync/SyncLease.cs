using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Sync;

/// <summary>One sync per service at a time, across workers and nodes: an atomic
/// <c>UPDATE … WHERE the lease is free or expired</c> on the service's state row.</summary>
public sealed class SyncLease(IDbContextFactory<MonitoringDbContext> dbFactory, TimeProvider time)
{
    public async Task<bool> TryAcquireAsync(string service, string owner, TimeSpan duration, CancellationToken ct)
    {
        await SyncStateRow.EnsureAsync(dbFactory, service, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var expires = now + duration;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taken = await db.SyncStates
            .Where(s => s.Service == service && (s.LeaseOwner == null || s.LeaseExpiresUtc == null || s.LeaseExpiresUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, owner).SetProperty(x => x.LeaseExpiresUtc, expires), ct);
        return taken == 1;
    }

    /// <summary>Inside the apply transaction, before anything is written: extends the lease if
    /// <paramref name="owner"/> still holds it. The conditional UPDATE also locks the state row until the commit, so
    /// no other run can take the lease between this check and the new token landing.</summary>
    public async Task<bool> RenewWithinAsync(
        MonitoringDbContext db, string service, string owner, TimeSpan duration, CancellationToken ct)
    {
        var expires = time.GetUtcNow().UtcDateTime + duration;
        var renewed = await db.SyncStates
            .Where(s => s.Service == service && s.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseExpiresUtc, expires), ct);
        return renewed == 1;
    }

    public async Task ReleaseAsync(string service, string owner, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.SyncStates
            .Where(s => s.Service == service && s.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, (string?)null)
                .SetProperty(x => x.LeaseExpiresUtc, (DateTime?)null), ct);
    }

    /// <summary>Frees a lease whose owner was a process on this machine that has died (killed mid-sync), so a
    /// restart need not wait for the lease to expire. Owners on other machines are left to expiry.</summary>
    public async Task ReleaseIfOwnerDiedAsync(string service, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await db.SyncStates.Where(s => s.Service == service).Select(s => s.LeaseOwner).SingleOrDefaultAsync(ct);
        if (RunIdentity.IsDeadLocalProcess(owner)) await ReleaseAsync(service, owner!, ct);
    }

    /// <summary>Whether a live run holds the lease now (an expired lease does not count).</summary>
    public async Task<bool> IsHeldAsync(string service, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SyncStates.AnyAsync(
            s => s.Service == service && s.LeaseOwner != null && s.LeaseExpiresUtc > now, ct);
    }
}
