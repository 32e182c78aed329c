using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

public sealed class FreshnessQueries(IDbContextFactory<MonitoringDbContext> dbFactory, TimeProvider time)
{
    public async Task<IReadOnlyList<FreshnessRow>> GetAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        return
        [
            Row("items", await db.Items.CountAsync(ct),
                await db.Items.MaxAsync(i => i.UpdatedAtUtc, ct), await db.Items.MaxAsync(i => (DateTime?)i.SyncedAtUtc, ct)),
            Row("projects", await db.Projects.CountAsync(ct),
                await db.Projects.MaxAsync(p => p.UpdatedAtUtc, ct), await db.Projects.MaxAsync(p => (DateTime?)p.SyncedAtUtc, ct)),
            Row("sections", await db.Sections.CountAsync(ct),
                await db.Sections.MaxAsync(s => s.UpdatedAtUtc, ct), await db.Sections.MaxAsync(s => (DateTime?)s.SyncedAtUtc, ct)),
            Row("labels", await db.Labels.CountAsync(ct),
                null, await db.Labels.MaxAsync(l => (DateTime?)l.SyncedAtUtc, ct)),
            Row("notes", await db.Notes.CountAsync(ct),
                await db.Notes.MaxAsync(n => n.PostedAtUtc, ct), await db.Notes.MaxAsync(n => (DateTime?)n.SyncedAtUtc, ct)),
        ];

        FreshnessRow Row(string resource, int count, DateTime? changed, DateTime? synced) =>
            new(resource, count, changed, Age(changed), synced, Age(synced));

        double? Age(DateTime? at) => at is { } t ? Math.Max(0, (now - t).TotalSeconds) : null;
    }
}
