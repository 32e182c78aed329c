using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>How fast one sync type ran over the window, from its successful runs. Every statistic is null when no
/// run has a duration; <paramref name="Trend"/> compares the mean of the window's second half with its first
/// (<see cref="PerformanceQueries.Improving"/>, <see cref="PerformanceQueries.Stable"/>,
/// <see cref="PerformanceQueries.Degrading"/>) and is null while either half has too few runs.</summary>
public sealed record SyncTypePerformance(
    SyncType Type,
    int Count,
    long? MinDurationMs,
    long? MaxDurationMs,
    double? MeanDurationMs,
    double? MedianDurationMs,
    double? P95DurationMs,
    double? ItemsPerSecond,
    double? FirstHalfMeanMs,
    double? SecondHalfMeanMs,
    string? Trend);
