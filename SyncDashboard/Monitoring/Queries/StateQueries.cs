using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

public sealed class StateQueries(IDbContextFactory<MonitoringDbContext> dbFactory, TimeProvider time)
{
    public async Task<StateSummary> GetAsync(string service, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await db.SyncStates.AsNoTracking().SingleOrDefaultAsync(s => s.Service == service, ct);
        var mirror = new MirrorCounts(
            await db.Items.CountAsync(i => !i.Checked, ct),
            await db.Items.CountAsync(i => i.Checked, ct),
            await db.Projects.CountAsync(ct),
            await db.Sections.CountAsync(ct),
            await db.Labels.CountAsync(ct),
            await db.Notes.CountAsync(ct));
        var now = time.GetUtcNow().UtcDateTime;
        return new StateSummary(
            service,
            HasRun: state?.LastSuccessfulSyncUtc is not null || state?.LastFailedSyncUtc is not null,
            state?.LastSuccessfulSyncUtc,
            state?.LastFailedSyncUtc,
            state?.LastFullSyncUtc,
            state?.LastIncrementalSyncUtc,
            state?.ConsecutiveFailures ?? 0,
            state?.IsHealthy ?? true,
            state?.IsPaused ?? false,
            state?.RateLimitedUntilUtc > now ? state.RateLimitedUntilUtc : null,
            IsSyncing: state?.LeaseOwner is not null && state.LeaseExpiresUtc > now,
            HasSyncToken: state?.LastSyncToken is not null,
            mirror);
    }
}
