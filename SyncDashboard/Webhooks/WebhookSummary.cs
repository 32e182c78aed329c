using Microsoft.Extensions.Options;
using SyncDashboard.Monitoring;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Todoist;

namespace SyncDashboard.Webhooks;

/// <summary>The last 24 hours at a glance. Latency is over the deliveries listed; changes found and missed over the
/// incremental syncs of the last 24 hours among the latest <see cref="WebhookQueries.MissedSyncCount"/>.</summary>
public sealed record WebhookSummary(
    int Deliveries, int Redeliveries, long? MedianLatencyMs, long? MaxLatencyMs, WebhookRejectionSummary Rejected,
    int ChangesFound, int MissedChanges, DateTime? LastDeliveryAt);
