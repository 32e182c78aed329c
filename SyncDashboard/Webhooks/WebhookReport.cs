using Microsoft.Extensions.Options;
using SyncDashboard.Monitoring;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Todoist;

namespace SyncDashboard.Webhooks;

/// <summary>The webhooks view and <c>GET /api/monitoring/webhooks</c>. <see cref="Receiving"/>: verified with
/// <c>Todoist:ClientSecret</c>, with the demo's per-process secret, or off.</summary>
public sealed record WebhookReport(
    WebhookSecretSource Receiving, WebhookSummary Last24Hours, IReadOnlyList<WebhookDeliveryRow> Deliveries,
    IReadOnlyList<WebhookSyncRow> Syncs, IReadOnlyList<MissedDeliveryRow> Missed);
