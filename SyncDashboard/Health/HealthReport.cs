using SyncDashboard.Data;

namespace SyncDashboard.Health;

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
