using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

public sealed class PauseQueries(IDbContextFactory<MonitoringDbContext> dbFactory)
{
    /// <summary>Null when syncing is not paused. A pause is audited in the same transaction that sets the flag, so
    /// the newest Pause entry is this pause's; the fields are null only for a flag set outside the app.</summary>
    public async Task<PauseSummary?> GetAsync(string service, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var paused = await db.SyncStates.AsNoTracking()
            .Where(s => s.Service == service).Select(s => s.IsPaused).SingleOrDefaultAsync(ct);
        if (!paused) return null;
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Service == service && a.Action == AuditAction.Pause)
            .OrderByDescending(a => a.OccurredUtc).ThenByDescending(a => a.Id)
            .Select(a => new { a.OccurredUtc, a.Actor })
            .FirstOrDefaultAsync(ct);
        return new PauseSummary(entry?.OccurredUtc, entry?.Actor);
    }
}
