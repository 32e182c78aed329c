using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Live;
using SyncDashboard.Sync;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Webhooks;

/// <summary>What the endpoint does with a verified delivery: record it once (the delivery id is unique), and arm the
/// one webhook sync of its burst. Also counts refused requests. No Hangfire job ever carries more than its name.</summary>
public sealed class WebhookInbox(
    IDbContextFactory<MonitoringDbContext> dbFactory,
    IBackgroundJobClient jobs,
    MonitoringNotifier notifier,
    SyncTelemetry telemetry,
    TimeProvider time,
    IOptions<WebhookOptions> options,
    ILogger<WebhookInbox> logger)
{
    /// <summary>A debounce armed this long ago whose sync never ran (its job lost with in-memory storage after a
    /// restart) no longer holds back new deliveries.</summary>
    public static readonly TimeSpan StaleArming = TimeSpan.FromMinutes(2);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<InboxOutcome> AcceptAsync(string deliveryId, WebhookPayload payload, CancellationToken ct)
    {
        var outcome = await RecordAsync(deliveryId, payload, ct);
        telemetry.Webhooks.Add(1, new KeyValuePair<string, object?>("outcome", SyncTelemetry.Tag(outcome)));
        if (outcome != InboxOutcome.Recorded)
        {
            // A redelivery of a delivery no sync has taken on: its first arrival was saved but arming failed (Todoist
            // got a 500 and redelivered), so arm now. Arming is idempotent: an armed burst stays one sync.
            if (await IsUnclaimedAsync(deliveryId, ct)) await ArmAsync(ct);
            return outcome;
        }
        await ArmAsync(ct);
        // Only signed, new deliveries reach here, so a flood of forged requests cannot make every page reload.
        await notifier.NotifyAsync();
        return outcome;
    }

    private async Task<InboxOutcome> RecordAsync(string deliveryId, WebhookPayload payload, CancellationToken ct)
    {
        if (await CountRedeliveryAsync(deliveryId, ct)) return InboxOutcome.Duplicate;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            Service = ServiceName.Todoist,
            DeliveryId = deliveryId,
            EventName = payload.EventName,
            UserId = payload.UserId,
            ObjectType = payload.ObjectType,
            ObjectId = payload.ObjectId,
            TriggeredUtc = payload.TriggeredUtc,
            ReceivedUtc = Now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return InboxOutcome.Recorded;
        }
        catch (DbUpdateException)
        {
            // The same delivery arrived twice at once (two nodes, or Todoist's retry racing a slow answer): the
            // unique index let one in, and this one is the redelivery. Anything else is a real failure.
            if (await CountRedeliveryAsync(deliveryId, ct)) return InboxOutcome.Duplicate;
            throw;
        }
    }

    private async Task<bool> CountRedeliveryAsync(string deliveryId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WebhookDeliveries.Where(d => d.DeliveryId == deliveryId)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Redeliveries, x => x.Redeliveries + 1), ct) > 0;
    }

    private async Task<bool> IsUnclaimedAsync(string deliveryId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WebhookDeliveries.AnyAsync(
            d => d.DeliveryId == deliveryId && d.ClaimToken == null && d.SyncEventId == null, ct);
    }

    /// <summary>Arms the burst's sync: the first delivery sets the due time on the state row with a conditional
    /// UPDATE (atomic across nodes) and schedules the job; the rest of the burst finds it armed and does nothing.</summary>
    public async Task ArmAsync(CancellationToken ct, DateTime? notBeforeUtc = null)
    {
        await SyncStateRow.EnsureAsync(dbFactory, ServiceName.Todoist, ct);
        var now = Now;
        var debounce = TimeSpan.FromSeconds(options.Value.DebounceSeconds);
        var due = notBeforeUtc is { } at && at > now + debounce ? at : now + debounce;
        var stale = now - StaleArming;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var armed = await db.SyncStates
            .Where(s => s.Service == ServiceName.Todoist && (s.WebhookSyncDueUtc == null || s.WebhookSyncDueUtc < stale))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.WebhookSyncDueUtc, due), ct);
        if (armed == 0) return;

        string jobId;
        try
        {
            jobId = due <= now
                ? jobs.Enqueue<WebhookSyncJob>(j => j.RunAsync(null, CancellationToken.None))
                : jobs.Schedule<WebhookSyncJob>(j => j.RunAsync(null, CancellationToken.None), new DateTimeOffset(due, TimeSpan.Zero));
        }
        catch
        {
            // No job will run for this arming: disarm (only our own arming), so the next delivery or Todoist's
            // redelivery of this one arms at once instead of waiting out the stale-arming time.
            await db.SyncStates.Where(s => s.Service == ServiceName.Todoist && s.WebhookSyncDueUtc == due)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.WebhookSyncDueUtc, (DateTime?)null), CancellationToken.None);
            throw;
        }
        logger.LogInformation("Webhook sync armed for {Due:u} (job {JobId})", due, jobId);
    }

    /// <summary>Counts a refused request in its hour. Nothing of the request itself is kept.</summary>
    public async Task CountRejectionAsync(WebhookRejectionReason reason, CancellationToken ct)
    {
        var hour = MetricArithmetic.HourOf(Now);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var updated = await db.WebhookRejections
                .Where(r => r.Service == ServiceName.Todoist && r.HourUtc == hour && r.Reason == reason)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.Count, x => x.Count + 1), ct);
            if (updated > 0) return;
            db.WebhookRejections.Add(new WebhookRejection { Service = ServiceName.Todoist, HourUtc = hour, Reason = reason, Count = 1 });
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException)
            {
                // Another request created the hour's row first: count on it.
            }
        }
    }
}
