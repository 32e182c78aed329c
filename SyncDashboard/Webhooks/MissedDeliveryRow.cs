using SyncDashboard.Data;

namespace SyncDashboard.Webhooks;

/// <summary>Changes an incremental sync found beyond what deliveries announced for its window.</summary>
public sealed record MissedDeliveryRow(
    long EventId, SyncType Type, SyncTrigger Trigger, DateTime StartedAt, int Changes, int Announced, int Missed);
