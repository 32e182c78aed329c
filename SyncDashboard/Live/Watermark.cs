using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Live;

/// <summary>A cheap fingerprint of everything the dashboard shows: it moves with every commit that changes a page.
/// Each part is an index seek or a one-row read, never a scan: newest event id (a run starting), the state row's
/// times and counters (a run finishing, a pause), newest chain id and how many are open (a chain opening or being
/// resolved), and newest audit id (a manual action).</summary>
public sealed record Watermark(
    long MaxEventId,
    DateTime? LastSuccessfulSyncUtc,
    DateTime? LastFailedSyncUtc,
    DateTime? HealthCheckedUtc,
    int ConsecutiveFailures,
    bool IsPaused,
    long MaxChainId,
    int OpenChains,
    long MaxAuditId)
{
    public static async Task<Watermark> ReadAsync(MonitoringDbContext db, string service, CancellationToken ct)
    {
        var maxEventId = await db.SyncEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var state = await db.SyncStates.AsNoTracking().Where(s => s.Service == service)
            .Select(s => new { s.LastSuccessfulSyncUtc, s.LastFailedSyncUtc, s.HealthCheckedUtc, s.ConsecutiveFailures, s.IsPaused })
            .SingleOrDefaultAsync(ct);
        var maxChainId = await db.SyncErrors.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var openChains = await db.SyncErrors.CountAsync(c => c.Service == service && c.ResolvedUtc == null, ct);
        var maxAuditId = await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        return new Watermark(maxEventId, state?.LastSuccessfulSyncUtc, state?.LastFailedSyncUtc, state?.HealthCheckedUtc,
            state?.ConsecutiveFailures ?? 0, state?.IsPaused ?? false, maxChainId, openChains, maxAuditId);
    }
}
