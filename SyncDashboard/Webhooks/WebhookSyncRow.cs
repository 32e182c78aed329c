using Microsoft.Extensions.Options;
using SyncDashboard.Monitoring;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Webhooks;

/// <summary>A webhook-triggered sync with how many deliveries it covered and the slowest of them.</summary>
public sealed record WebhookSyncRow(EventRow Event, int Deliveries, long? MaxLatencyMs);
