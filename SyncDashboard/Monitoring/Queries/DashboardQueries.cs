namespace SyncDashboard.Monitoring.Queries;

/// <summary>Composes the other query classes; it computes nothing they already do.</summary>
public sealed class DashboardQueries(
    StateQueries state, HealthQueries health, TimelineQueries timeline, EventQueries events,
    VerificationQueries verifications)
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
            recent,
            await verifications.StatusAsync(service, ct));
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
