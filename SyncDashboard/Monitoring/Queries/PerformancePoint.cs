using Microsoft.Extensions.Options;
using SyncDashboard.Health;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>Durations of the successful runs that started in one period, from the merged duration sketches of the
/// rollups (within 1 % of the nearest-rank value, and within the period's shortest and longest run); null for a period without any.
/// <paramref name="Degraded"/>: the period's exact p95 of incremental and webhook runs was above
/// <c>Health:PerformanceFactor</c> times the window's median, on at least <c>Health:MinAttemptsForRates</c> runs (the
/// rule the health evaluator applies to the last hour).</summary>
public sealed record PerformancePoint(DateTime Start, int Runs, double? P50DurationMs, double? P95DurationMs, bool Degraded);
