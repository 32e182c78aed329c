using Hangfire;

namespace SyncDashboard.Alerts;

/// <summary>The Hangfire entry points of alerting: thin adapters taking an enum or a notification id, never a channel
/// setting. Hangfire's own retries are off: a failed delivery schedules its redelivery itself and records it.</summary>
public sealed class AlertJobs(AlertEvaluator evaluator, AlertDelivery delivery)
{
    public const string RecurringJobId = "alerts-evaluate";

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Evaluate alerts ({0})")]
    public async Task EvaluateAsync(EvaluationReason reason, CancellationToken ct)
    {
        await evaluator.EvaluateAsync(reason, ct);
        if (reason == EvaluationReason.Schedule) await evaluator.RequeueOrphansAsync(ct);
    }

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Deliver alert notification #{0}")]
    public Task DeliverAsync(long notificationId, CancellationToken ct) => delivery.DeliverAsync(notificationId, ct);
}
