namespace SyncDashboard.Health;

/// <summary>A finished attempt: when its outcome was known (the event's completion) and whether it succeeded.</summary>
public sealed record AttemptPoint(DateTime AtUtc, bool Succeeded);
