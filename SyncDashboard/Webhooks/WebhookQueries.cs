using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Todoist;

namespace SyncDashboard.Webhooks;

public sealed class WebhookQueries(
    IDbContextFactory<MonitoringDbContext> dbFactory, EventQueries events, WebhookSecret secret,
    IOptions<TodoistOptions> todoist, TimeProvider time)
{
    private readonly IReadOnlySet<string> mirrored = MissedDeliveries.MirroredObjectTypes(todoist.Value.ResourceTypes);

    public const int MaxLimit = 200;
    /// <summary>How many incremental syncs the missed-delivery count looks back over.</summary>
    public const int MissedSyncCount = 50;

    public async Task<WebhookReport> GetAsync(string service, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        var since = time.GetUtcNow().UtcDateTime.AddHours(-24);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var deliveries = await (
                from d in db.WebhookDeliveries.AsNoTracking().Where(d => d.Service == service)
                join e in db.SyncEvents on d.SyncEventId equals e.Id into covering
                from e in covering.DefaultIfEmpty()
                orderby d.ReceivedUtc descending, d.Id descending
                select new { d, Status = (SyncStatus?)e.Status, e.CompletedUtc })
            .Take(limit).ToListAsync(ct);
        var rows = deliveries.Select(x => new WebhookDeliveryRow(x.d.Id, x.d.DeliveryId, x.d.EventName, x.d.UserId,
            x.d.ObjectId, x.d.TriggeredUtc, x.d.ReceivedUtc, x.d.Redeliveries, x.d.SyncEventId, x.Status,
            x.CompletedUtc is { } done ? Math.Max(0, (long)(done - x.d.ReceivedUtc).TotalMilliseconds) : null)).ToList();

        var syncs = await SyncRowsAsync(db, service, limit, ct);
        var missed = await MissedAsync(db, service, ct);
        var summary = await SummaryAsync(db, service, since, rows, missed.Where(m => m.StartedAt >= since).ToList(), ct);
        return new WebhookReport(secret.Source, summary, rows, syncs, missed);
    }

    private async Task<IReadOnlyList<WebhookSyncRow>> SyncRowsAsync(
        MonitoringDbContext db, string service, int limit, CancellationToken ct)
    {
        var page = await events.PageAsync(service, new EventFilter(Trigger: SyncTrigger.Webhook), limit, null, ct);
        var ids = page.Events.Select(e => e.Id).ToList();
        var covered = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.SyncEventId != null && ids.Contains(d.SyncEventId.Value))
            .GroupBy(d => d.SyncEventId!.Value)
            .Select(g => new { EventId = g.Key, Count = g.Count(), FirstReceived = g.Min(d => d.ReceivedUtc) })
            .ToDictionaryAsync(x => x.EventId, ct);
        return page.Events.Select(e => covered.TryGetValue(e.Id, out var c)
                ? new WebhookSyncRow(e, c.Count,
                    e.CompletedAt is { } done ? Math.Max(0, (long)(done - c.FirstReceived).TotalMilliseconds) : null)
                : new WebhookSyncRow(e, 0, null))
            .ToList();
    }

    private async Task<IReadOnlyList<MissedDeliveryRow>> MissedAsync(MonitoringDbContext db, string service, CancellationToken ct)
    {
        var windows = await db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == service && e.Status == SyncStatus.Succeeded)
            .OrderByDescending(e => e.StartedUtc).ThenByDescending(e => e.Id)
            .Take(MissedSyncCount + 1)
            .Select(e => new SyncWindow(e.Id, e.Type, e.Trigger, e.StartedUtc, e.ItemsAdded + e.ItemsUpdated + e.ItemsDeleted))
            .ToListAsync(ct);
        if (windows.Count < 2) return [];
        windows.Reverse();
        var from = windows[0].StartedUtc;
        var to = windows[^1].StartedUtc;
        var types = mirrored.ToList();
        var announcements = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Service == service && d.TriggeredUtc > from && d.TriggeredUtc <= to
                        && d.ObjectType != null && types.Contains(d.ObjectType))
            .Select(d => new Announcement(d.ObjectType, d.ObjectId, d.TriggeredUtc!.Value))
            .ToListAsync(ct);
        return MissedDeliveries.Count(windows, announcements, mirrored);
    }

    private static async Task<WebhookSummary> SummaryAsync(
        MonitoringDbContext db, string service, DateTime since, IReadOnlyList<WebhookDeliveryRow> recent,
        IReadOnlyList<MissedDeliveryRow> missed, CancellationToken ct)
    {
        var counts = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Service == service && d.ReceivedUtc >= since)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Redeliveries = g.Sum(d => d.Redeliveries), Last = g.Max(d => d.ReceivedUtc) })
            .SingleOrDefaultAsync(ct);
        var sinceHour = MetricArithmetic.HourOf(since);
        var rejections = await db.WebhookRejections.AsNoTracking()
            .Where(r => r.Service == service && r.HourUtc >= sinceHour)
            .GroupBy(r => r.Reason)
            .Select(g => new { Reason = g.Key, Count = g.Sum(r => r.Count) })
            .ToDictionaryAsync(x => x.Reason, x => x.Count, ct);
        var latencies = recent.Where(r => r.LatencyMs is not null).Select(r => r.LatencyMs!.Value).Order().ToList();
        return new WebhookSummary(
            counts?.Count ?? 0, counts?.Redeliveries ?? 0,
            latencies.Count == 0 ? null : latencies[latencies.Count / 2],
            latencies.Count == 0 ? null : latencies[^1],
            new WebhookRejectionSummary(
                rejections.GetValueOrDefault(WebhookRejectionReason.MissingSignature),
                rejections.GetValueOrDefault(WebhookRejectionReason.BadSignature),
                rejections.GetValueOrDefault(WebhookRejectionReason.TooLarge),
                rejections.GetValueOrDefault(WebhookRejectionReason.Malformed)),
            missed.Sum(m => m.Changes), missed.Sum(m => m.Missed),
            counts?.Last);
    }
}
