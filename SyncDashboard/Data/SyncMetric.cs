namespace SyncDashboard.Data;

/// <summary>A rollup of the sync events that started in one hour, day or week.</summary>
public sealed class SyncMetric
{
    public long Id { get; set; }
    public required string Service { get; set; }
    public MetricPeriod Period { get; set; }
    public DateTime PeriodStartUtc { get; set; }
    public int SuccessCount { get; set; }
    public int FailureCount { get; set; }
    public long ItemsProcessed { get; set; }
    public long TotalDurationMs { get; set; }
    public long? MinDurationMs { get; set; }
    public long? MaxDurationMs { get; set; }
    /// <summary>Failures over attempts; null while the period has no attempt.</summary>
    public double? ErrorRate { get; set; }
    /// <summary>Counts per <see cref="DurationHistogram"/> bucket, so percentiles over long ranges come from rollups.</summary>
    public int[] DurationHistogram { get; set; } = Data.DurationHistogram.Empty();
    public DateTime LastUpdatedUtc { get; set; }
}
