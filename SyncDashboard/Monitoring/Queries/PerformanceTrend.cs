using Microsoft.Extensions.Options;
using SyncDashboard.Health;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>The performance page's charts, from the hourly rollups (so 30 days cost 720 rows, not every event).</summary>
public sealed record PerformanceTrend(
    PerformanceRange Range,
    DateTime From,
    DateTime To,
    double? BaselineMedianMs,
    double DegradedFactor,
    IReadOnlyList<PerformancePoint> Points,
    IReadOnlyList<HistogramBar> Histogram)
{
    public int Runs => Points.Sum(p => p.Runs);
    public double? DegradedAboveMs => BaselineMedianMs * DegradedFactor;
    public IReadOnlyList<PerformancePoint> DegradedPoints => Points.Where(p => p.Degraded).ToList();
}
