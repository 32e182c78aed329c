namespace SyncDashboard.Health;

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
    public const string DataDrift = "DATA_DRIFT";
    /// <summary>An objective's error budget burns fast enough to page (a "page" burn-rate rule fires).</summary>
    public const string SloBurnFast = "SLO_BURN_FAST";
    /// <summary>An objective's error budget burns fast enough for a ticket (only a "ticket" burn-rate rule fires).</summary>
    public const string SloBurnSlow = "SLO_BURN_SLOW";

    public static readonly IReadOnlyList<string> All =
    [
        StaleData, ConsecutiveFailures, CredentialsInvalid, RateLimited,
        RetriesExhausted, HighErrorRate, PerformanceDegraded, MassDeletion, DataDrift, SloBurnFast, SloBurnSlow,
    ];
}
