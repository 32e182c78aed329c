namespace SyncDashboard.Health;

/// <summary>Uptime shares (0–1) over the last day, week and month; null where the window has no data.</summary>
public sealed record UptimeSummary(double? Last24Hours, double? Last7Days, double? Last30Days);
