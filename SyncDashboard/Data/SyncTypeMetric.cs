namespace SyncDashboard.Data;

/// <summary>The successful timed runs of one sync type that started in one hour: what the performance page shows per
/// type, so that a week or three months of it is a few hundred rows rather than every run (18,000 a week at one run
/// every 30 s). Written by the run recorder in the transaction that finishes the run, as the hourly
/// <see cref="SyncMetric"/> is; filled once from the runs still stored by <see cref="TypeMetricsUpgrade"/>.</summary>
public sealed class SyncTypeMetric
{
    public long Id { get; set; }
    public required string Service { get; set; }
    public SyncType Type { get; set; }
    public DateTime HourStartUtc { get; set; }
    public int Runs { get; set; }
    public long TotalDurationMs { get; set; }
    public long? MinDurationMs { get; set; }
    public long? MaxDurationMs { get; set; }
    public long ItemsProcessed { get; set; }
    /// <summary>The durations, so percentiles of any range of whole hours come from rollups within 1 %.</summary>
    public DurationSketch DurationSketch { get; set; } = DurationSketch.Empty;
    public DateTime LastUpdatedUtc { get; set; }

    /// <summary>Counts one more successful run of <paramref name="durationMs"/> that processed <paramref name="items"/>.</summary>
    public void Add(long durationMs, int items, DateTime nowUtc)
    {
        Runs++;
        TotalDurationMs += durationMs;
        MinDurationMs = MinDurationMs is { } min && min <= durationMs ? min : durationMs;
        MaxDurationMs = MaxDurationMs is { } max && max >= durationMs ? max : durationMs;
        ItemsProcessed += items;
        DurationSketch = DurationSketch.Add(durationMs);
        LastUpdatedUtc = nowUtc;
    }
}
