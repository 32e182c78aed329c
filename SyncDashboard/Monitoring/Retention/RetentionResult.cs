using Microsoft.Extensions.Options;

namespace SyncDashboard.Monitoring.Retention;

/// <summary>What a clean-up deleted, and the cutoff it used.</summary>
/// <param name="WebhookRowsDeleted">Webhook deliveries received before the cutoff and hourly rejection counts.</param>
public sealed record RetentionResult(DateTime CutoffUtc, int EventsDeleted, int ErrorsDeleted, int WebhookRowsDeleted);
