using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Slo;

namespace SyncDashboard.Maintenance;

/// <summary>The maintenance windows and their occurrences. Windows are made by hand, so a service has few of them: each
/// read loads them all and expands them with <see cref="MaintenanceSchedule"/>.</summary>
public sealed class MaintenanceQueries(IDbContextFactory<MonitoringDbContext> dbFactory, TimeProvider time)
{
    /// <summary>How many held-back notifications each listed window shows (the count covers all of them).</summary>
    public const int SuppressedShown = 20;

    public async Task<IReadOnlyList<MaintenanceSpan>> SpansAsync(string service, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return MaintenanceSchedule.Spans(await WindowsAsync(db, service, ct), fromUtc, toUtc);
    }

    /// <summary>The occurrences in progress now.</summary>
    public async Task<IReadOnlyList<MaintenanceSpan>> ActiveAsync(string service, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var spans = await SpansAsync(service, now, now.AddTicks(1), ct);
        return spans.Where(s => s.Contains(now)).ToList();
    }

    /// <summary>The time uptime and the SLO budgets leave out of [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public async Task<IReadOnlyList<TimeRange>> ExcludedAsync(
        MonitoringDbContext db, string service, DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        MaintenanceSchedule.Excluded(MaintenanceSchedule.Spans(await WindowsAsync(db, service, ct), fromUtc, toUtc));

    /// <summary>Active first, then upcoming (soonest first), then past (newest first).</summary>
    public async Task<IReadOnlyList<MaintenanceRow>> ListAsync(string service, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var windows = await WindowsAsync(db, service, ct);
        var ids = windows.Select(w => w.Id).ToList();
        var held = db.AlertNotifications.AsNoTracking()
            .Where(n => n.Outcome == NotificationOutcome.Suppressed && n.MaintenanceWindowId != null && ids.Contains(n.MaintenanceWindowId.Value));
        var counts = await held.GroupBy(n => n.MaintenanceWindowId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        var rows = new List<MaintenanceRow>();
        foreach (var window in windows)
        {
            var count = counts.GetValueOrDefault(window.Id);
            var shown = count == 0 ? [] : await held.Where(n => n.MaintenanceWindowId == window.Id)
                .OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id)
                .Take(SuppressedShown)
                .Select(n => new SuppressedRow(n.Id, n.CreatedUtc, n.Channel, n.Kind, n.Subject))
                .ToListAsync(ct);
            rows.Add(MaintenanceRow.Of(window, now, count, shown));
        }
        return rows
            .OrderBy(r => r.State)
            .ThenBy(r => r.State == MaintenanceState.Past ? DateTime.MaxValue - (r.EndedAt ?? LastEnd(r)) : TimeSpan.Zero)
            .ThenBy(r => r.CurrentStart)
            .ThenByDescending(r => r.Id)
            .ToList();
    }

    public async Task<MaintenanceRow?> GetAsync(string service, long id, CancellationToken ct) =>
        (await ListAsync(service, ct)).FirstOrDefault(r => r.Id == id);

    private static DateTime LastEnd(MaintenanceRow row) =>
        row.Start is { } start ? start.AddMinutes(row.DurationMinutes) : row.CreatedAt;

    internal static Task<List<MaintenanceWindow>> WindowsAsync(MonitoringDbContext db, string service, CancellationToken ct) =>
        db.MaintenanceWindows.AsNoTracking().Where(w => w.Service == service).OrderBy(w => w.Id).ToListAsync(ct);
}
