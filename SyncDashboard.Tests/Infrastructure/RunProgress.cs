using Microsoft.EntityFrameworkCore;
using SyncDashboard.Configuration;
using SyncDashboard.Data;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>Where a node's syncing stands, read from the database as an outside observer sees it.</summary>
public static class RunProgress
{
    /// <summary>Whether <paramref name="node"/> has finished a whole run whose last step succeeded: the lease is free
    /// and the node's newest event is <c>Succeeded</c>. A single succeeded event is not enough: a run's first step
    /// commits before its follow-up (the full sync that brings reopened tasks' comments, the incremental after a
    /// lagging snapshot) has even started, and the run keeps the lease until the follow-up is done. Read in one
    /// transaction, so the lease and the events come from the same moment.</summary>
    public static async Task<bool> FinishedARunThatSucceededAsync(MonitoringDbContext db, string node, CancellationToken ct)
    {
        await using var snapshot = await db.Database.BeginTransactionAsync(ct);
        var leaseHeld = await db.SyncStates.AnyAsync(s => s.Service == ServiceName.Todoist && s.LeaseOwner != null, ct);
        var newest = await db.SyncEvents.Where(e => e.Node == node).OrderByDescending(e => e.Id)
            .Select(e => (SyncStatus?)e.Status).FirstOrDefaultAsync(ct);
        return !leaseHeld && newest == SyncStatus.Succeeded;
    }
}
