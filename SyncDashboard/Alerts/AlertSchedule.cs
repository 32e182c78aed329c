using Hangfire;
using Microsoft.Extensions.Options;
using SyncDashboard.Live;

namespace SyncDashboard.Alerts;

/// <summary>At start-up registers the recurring evaluation (or removes it when no channel is configured, as another
/// node's configuration may have added it to shared storage), and queues an evaluation after every committed
/// change the notifier announces. Queuing is all the handler does: a sync never waits for alerting.</summary>
public sealed class AlertSchedule(
    IRecurringJobManager recurring,
    IBackgroundJobClient jobs,
    MonitoringNotifier notifier,
    IOptions<AlertOptions> options,
    ILogger<AlertSchedule> logger) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.AnyChannel)
        {
            recurring.RemoveIfExists(AlertJobs.RecurringJobId);
            logger.LogInformation("Alert notifications are off: no channel is configured (Alerts:Webhook:Url, Alerts:Email:Host)");
            return Task.CompletedTask;
        }
        recurring.AddOrUpdate<AlertJobs>(AlertJobs.RecurringJobId,
            j => j.EvaluateAsync(EvaluationReason.Schedule, CancellationToken.None), settings.EvaluationCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        notifier.Changed += OnMonitoringChangedAsync;
        logger.LogInformation("Alert notifications on: {Channels}; evaluated after each run and on '{Cron}' (UTC)",
            string.Join(", ", Channels(settings)), settings.EvaluationCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct)
    {
        notifier.Changed -= OnMonitoringChangedAsync;
        return Task.CompletedTask;
    }

    private Task OnMonitoringChangedAsync()
    {
        try
        {
            jobs.Enqueue<AlertJobs>(j => j.EvaluateAsync(EvaluationReason.AfterRun, CancellationToken.None));
        }
        catch (Exception ex)
        {
            // The schedule's next tick evaluates anyway; the commit that raised this must not notice.
            logger.LogWarning(ex, "Could not queue an alert evaluation");
        }
        return Task.CompletedTask;
    }

    private static IEnumerable<string> Channels(AlertOptions settings)
    {
        if (settings.Webhook.IsConfigured) yield return $"webhook to {WebhookSender.Where(settings.Webhook.Url!)}";
        if (settings.Email.IsConfigured) yield return $"e-mail via {settings.Email.Host}:{settings.Email.Port}";
    }
}
