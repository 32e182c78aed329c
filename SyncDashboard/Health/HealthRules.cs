using SyncDashboard.Monitoring;

namespace SyncDashboard.Health;

/// <summary>The sync state's healthy flag as the seed plan defines it: unhealthy from three consecutive failures,
/// and at once when the credentials are bad (no retry or schedule can fix those).</summary>
public static class HealthRules
{
    public const int UnhealthyAfterConsecutiveFailures = 3;

    public static bool IsHealthy(int consecutiveFailures, FailureKind? lastFailure) =>
        consecutiveFailures < UnhealthyAfterConsecutiveFailures && lastFailure != FailureKind.Credentials;
}
