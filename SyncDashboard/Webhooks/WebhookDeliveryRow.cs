using Microsoft.Extensions.Options;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Todoist;

namespace SyncDashboard.Webhooks;

/// <summary>A delivery beside the sync that covered it; latency = that sync's completion minus the receipt.</summary>
public sealed record WebhookDeliveryRow(
    long Id, string DeliveryId, string EventName, string UserId, string? ObjectId, DateTime? TriggeredAt,
    DateTime ReceivedAt, int Redeliveries, long? SyncEventId, SyncStatus? SyncStatus, long? LatencyMs);
