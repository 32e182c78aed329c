using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>How many objects the mirror holds, per resource type.</summary>
public sealed record MirrorCounts(int Items, int CompletedItems, int Projects, int Sections, int Labels, int Notes);

/// <summary>The sync state as the dashboard and <c>GET /api/monitoring/state</c> show it.</summary>
public sealed record StateSummary(
    string Service,
    bool HasRun,
    DateTime? LastSuccessfulSyncAt,
    DateTime? LastFailedSyncAt,
    DateTime? LastFullSyncAt,
    DateTime? LastIncrementalSyncAt,
    int ConsecutiveFailures,
    bool IsHealthy,
    bool IsPaused,
    DateTime? RateLimitedUntil,
    bool IsSyncing,
    bool HasSyncToken,
    MirrorCounts Mirror);

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
