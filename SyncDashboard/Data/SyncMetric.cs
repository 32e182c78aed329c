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
    /// <summary>The durations of the timed successful runs, so percentiles of any range, within 2 %, come from rollups.</summary>
    public DurationSketch DurationSketch { get; set; } = DurationSketch.Empty;
    /// <summary>The <see cref="DurationHistogram"/> bucket counts of a row written before <see cref="DurationSketch"/>,
    /// until <see cref="LegacyHistogramUpgrade"/> converts it; null for every other row.</summary>
    public int[]? LegacyDurationHistogram { get; set; }
    /// <summary>Hourly rows only: the counted attempts that <em>ended</em> in the hour (the counts above are by start),
    /// encoded by <see cref="AttemptEnds"/>, so the service level objectives are exact after retention purged the
    /// events. Null on daily and weekly rows (and on an hourly row written before the column, until
    /// <see cref="AttemptEndsUpgrade"/> fills it from the runs still stored).</summary>
    public byte[]? AttemptEnds { get; set; }
    public DateTime LastUpdatedUtc { get; set; }
}
