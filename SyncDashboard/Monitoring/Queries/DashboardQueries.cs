using SyncDashboard.Health;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>The last 24 hours in two numbers; null when nothing ran (or nothing succeeded, for the duration).</summary>
public sealed record RecentPerformanceSummary(int Attempts, int Successes, int Failures, double? SuccessRate, double? MeanDurationMs);

/// <summary>The dashboard's health panel: the verdict, its alerts, when the next sync is due, uptime and how old the
/// mirrored data is (seconds since the last success; null before the first).</summary>
public sealed record DashboardHealthSummary(
    HealthStatus Status,
    IReadOnlyList<HealthAlertRow> Alerts,
    DateTime? NextScheduledSyncAt,
    UptimeSummary Uptime,
    double? DataAgeSeconds);

/// <summary>Everything the dashboard's first screen shows, in one call.</summary>
public sealed record DashboardSummary(
    StateSummary Overview,
    DashboardHealthSummary Health,
    RecentPerformanceSummary Performance,
    IReadOnlyList<EventRow> RecentActivity);

/// <summary>Composes the other query classes; it computes nothing they already do.</summary>
public sealed class DashboardQueries(
    StateQueries state, HealthQueries health, TimelineQueries timeline, EventQueries events)
{
    public const int RecentActivityCount = 10;
    public const int PerformanceHours = 24;

    public async Task<DashboardSummary> GetAsync(string service, CancellationToken ct)
    {
        var overview = await state.GetAsync(service, ct);
        var verdict = await health.GetAsync(service, ct);
        var day = await timeline.GetAsync(service, PerformanceHours, ct);
        var recent = await events.LatestAsync(service, RecentActivityCount, ct);
        return new DashboardSummary(
            overview,
            new DashboardHealthSummary(verdict.Status, verdict.Alerts, verdict.NextScheduledSyncAt, verdict.Uptime,
                verdict.DataAgeSeconds),
            Summarize(day.Hours),
            recent);
    }

    /// <summary>Hourly means weighted by their successes give the exact mean of the day's successful runs.</summary>
    internal static RecentPerformanceSummary Summarize(IReadOnlyList<TimelinePoint> hours)
    {
        var successes = hours.Sum(h => h.Successes);
        var failures = hours.Sum(h => h.Failures);
        var attempts = successes + failures;
        var totalMs = hours.Sum(h => (h.MeanDurationMs ?? 0) * h.Successes);
        return new RecentPerformanceSummary(
            attempts, successes, failures,
            attempts > 0 ? (double)successes / attempts : null,
            successes > 0 ? totalMs / successes : null);
    }
}
