using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>One rollup row as <c>GET /api/monitoring/metrics</c> shows it. Durations describe successful runs only
/// (as the rollups count them); every average, rate and percentile is null when there is nothing to compute it from.
/// Percentiles are nearest-rank, from the row's duration sketch: within 2 % of the exact ones over its runs.</summary>
public sealed record MetricRow(
    MetricPeriod Period,
    DateTime PeriodStart,
    int Successes,
    int Failures,
    long ItemsProcessed,
    double? MeanDurationMs,
    long? MinDurationMs,
    long? MaxDurationMs,
    double? ErrorRate,
    double? P50DurationMs,
    double? P95DurationMs,
    double? P99DurationMs);
