namespace SyncDashboard.Health;

/// <summary>Ordered by how bad it is, so the worst of several conditions is their maximum.</summary>
public enum HealthStatus { Unknown, Healthy, Degraded, Unhealthy }

public enum AlertSeverity { Info, Warning, Critical }

/// <summary>The alert codes, stable strings for the API and for anyone who filters on them.</summary>
public static class AlertCodes
{
    public const string StaleData = "STALE_DATA";
    public const string ConsecutiveFailures = "CONSECUTIVE_FAILURES";
    public const string CredentialsInvalid = "CREDENTIALS_INVALID";
    public const string RateLimited = "RATE_LIMITED";
    public const string RetriesExhausted = "RETRIES_EXHAUSTED";
    public const string HighErrorRate = "HIGH_ERROR_RATE";
    public const string PerformanceDegraded = "PERFORMANCE_DEGRADED";
    public const string MassDeletion = "MASS_DELETION";

    public static readonly IReadOnlyList<string> All =
    [
        StaleData, ConsecutiveFailures, CredentialsInvalid, RateLimited,
        RetriesExhausted, HighErrorRate, PerformanceDegraded, MassDeletion,
    ];
}

/// <summary>One thing an operator should know. <paramref name="SinceUtc"/> is when the condition began, null when
/// the inputs do not say (a last-hour rate has no start of its own).</summary>
public sealed record HealthAlert(string Code, AlertSeverity Severity, string Message, DateTime? SinceUtc);

/// <summary>The verdict of <see cref="HealthEvaluator.Evaluate"/>: the status, its alerts (worst first) and the
/// derived numbers a page may show beside them; null where the inputs have nothing to compute them from.</summary>
public sealed record HealthReport(
    HealthStatus Status,
    IReadOnlyList<HealthAlert> Alerts,
    TimeSpan? DataAge,
    double? LastHourErrorRate,
    double? SlowdownFactor)
{
    public static readonly HealthReport Unknown = new(HealthStatus.Unknown, [], null, null, null);

    /// <summary>The stored <c>SyncState.IsHealthy</c> flag: false only when <see cref="HealthStatus.Unhealthy"/>.
    /// It answers "does this need a human now?"; <c>Degraded</c> conditions (a failure or two, a rate limit, a slow
    /// hour) mend by themselves, and a service that never ran has nothing wrong with it yet.</summary>
    public bool IsHealthy => Status != HealthStatus.Unhealthy;
}
