namespace SyncDashboard.Alerts;

/// <summary>The memory to store and, maybe, the one notification to send.</summary>
public sealed record FlapDecision(AlertMemory Memory, PlannedNotification? Notify);
