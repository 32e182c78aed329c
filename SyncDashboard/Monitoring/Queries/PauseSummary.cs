namespace SyncDashboard.Monitoring.Queries;

/// <summary>Who paused syncing and when; the audit entry of the pause is the record of both.</summary>
public sealed record PauseSummary(DateTime? SinceUtc, string? By);
