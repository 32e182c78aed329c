using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;
using SyncDashboard.Live;
using SyncDashboard.Sync;

namespace SyncDashboard.Alerts;

/// <summary>Delivers one notification to its channel and records the attempt: Sent, or Failed with the error (secrets
/// scrubbed) and, while attempts remain, a redelivery as a delayed Hangfire job. The only retry mechanism for
/// notifications; it never touches a sync.</summary>
public sealed class AlertDelivery(
    IDbContextFactory<MonitoringDbContext> dbFactory,
    WebhookSender webhook,
    EmailSender email,
    IBackgroundJobClient jobs,
    MonitoringNotifier notifier,
    SyncTelemetry telemetry,
    TimeProvider time,
    IOptions<AlertOptions> options,
    ILogger<AlertDelivery> logger)
{
    public async Task DeliverAsync(long notificationId, CancellationToken ct)
    {
        var settings = options.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notification = await db.AlertNotifications.SingleOrDefaultAsync(n => n.Id == notificationId, ct);
        // A suppressed one was held by a maintenance window: never sent, whatever queued it.
        if (notification is null || notification.Outcome is NotificationOutcome.Sent or NotificationOutcome.Suppressed ||
            notification is { Outcome: NotificationOutcome.Failed, NextAttemptUtc: null }) return;

        // Claim the attempt: a duplicate job (a sweep after a crash, a second node) finds the count moved and stops.
        var seen = notification.Attempts;
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await db.AlertNotifications
            .Where(n => n.Id == notificationId && n.Attempts == seen && n.Outcome != NotificationOutcome.Sent)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Attempts, seen + 1).SetProperty(n => n.LastAttemptUtc, now), ct);
        if (claimed == 0) return;
        var attempt = seen + 1;

        var payload = AlertMessage.Payload(notification, settings.DashboardUrl);
        string? error = null;
        try
        {
            if (notification.Channel == AlertChannel.Webhook) await webhook.SendAsync(payload, ct);
            else await email.SendAsync(payload, notification.Subject, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            error = Scrub(ex is AlertDeliveryException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}", settings);
        }

        var done = time.GetUtcNow().UtcDateTime;
        telemetry.Notifications.Add(1, new KeyValuePair<string, object?>("channel", SyncTelemetry.Tag(notification.Channel)),
            new KeyValuePair<string, object?>("outcome", error is null ? "sent" : "failed"));
        if (error is null)
        {
            await db.AlertNotifications.Where(n => n.Id == notificationId).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Outcome, NotificationOutcome.Sent)
                .SetProperty(n => n.SentUtc, done)
                .SetProperty(n => n.NextAttemptUtc, (DateTime?)null), CancellationToken.None);
            logger.LogInformation("Alert notification {Id} sent by {Channel} (attempt {Attempt})",
                notificationId, notification.Channel, attempt);
        }
        else
        {
            var retry = attempt < settings.DeliveryAttempts ? settings.RetryDelay(attempt) : (TimeSpan?)null;
            DateTime? next = retry is { } wait ? done + wait : null;
            string? jobId = null;
            if (retry is { } delay) jobId = jobs.Schedule<AlertJobs>(j => j.DeliverAsync(notificationId, CancellationToken.None), delay);
            await db.AlertNotifications.Where(n => n.Id == notificationId).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Outcome, NotificationOutcome.Failed)
                .SetProperty(n => n.LastError, error)
                .SetProperty(n => n.NextAttemptUtc, next)
                .SetProperty(n => n.JobId, jobId), CancellationToken.None);
            logger.LogWarning("Alert notification {Id} by {Channel} failed (attempt {Attempt} of {Max}): {Error}{Next}",
                notificationId, notification.Channel, attempt, settings.DeliveryAttempts, error,
                next is null ? "; giving up" : $"; trying again at {next:u}");
        }
        await notifier.NotifyAsync();
    }

    /// <summary>Errors are recorded and shown: whatever a library put in its message, no configured secret goes with it.</summary>
    internal static string Scrub(string error, AlertOptions options)
    {
        var secrets = new List<string?> { options.Email.Password, options.Webhook.Secret, options.Webhook.Url };
        secrets.AddRange(options.Webhook.Headers.Values);
        if (Uri.TryCreate(options.Webhook.Url, UriKind.Absolute, out var url))
        {
            secrets.Add(url.PathAndQuery.Length > 1 ? url.PathAndQuery : null);
            secrets.Add(url.UserInfo);
        }
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)).OrderByDescending(s => s!.Length))
        {
            error = error.Replace(secret!, "***", StringComparison.Ordinal);
        }
        return error.Length <= AlertModel.MaxErrorLength ? error : error[..AlertModel.MaxErrorLength];
    }
}
