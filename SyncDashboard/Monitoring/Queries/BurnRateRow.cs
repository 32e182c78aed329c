namespace SyncDashboard.Monitoring.Queries;

/// <summary>The burn rate over the last <paramref name="WindowMinutes"/>; null when nothing was measured in it.</summary>
public sealed record BurnRateRow(int WindowMinutes, double? Rate);
