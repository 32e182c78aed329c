namespace SyncDashboard.Health;

/// <summary>One thing an operator should know. <paramref name="SinceUtc"/> is when the condition began, null when
/// the inputs do not say (a last-hour rate has no start of its own).</summary>
public sealed record HealthAlert(string Code, AlertSeverity Severity, string Message, DateTime? SinceUtc);
