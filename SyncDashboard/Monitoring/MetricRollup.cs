namespace SyncDashboard.Monitoring;

/// <summary>Adds finished attempts to a rollup row. Pure, so hourly rows kept by each run and the daily and weekly
/// rollups of later issues share one definition of the numbers.</summary>
public static class MetricRollup
{
    public static DateTime HourOf(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);

    /// <summary>Counts a finished attempt. Durations and items describe successful runs only: a 30 s timeout says
    /// nothing about how fast syncing is, and would drown the percentiles.</summary>
    public static void Add(SyncMetric metric, SyncStatus status, long? durationMs, int items, DateTime nowUtc)
    {
        if (status == SyncStatus.Succeeded)
        {
            metric.SuccessCount++;
            metric.ItemsProcessed += items;
            if (durationMs is { } ms)
            {
                metric.TotalDurationMs += ms;
                metric.MinDurationMs = metric.MinDurationMs is { } min ? Math.Min(min, ms) : ms;
                metric.MaxDurationMs = metric.MaxDurationMs is { } max ? Math.Max(max, ms) : ms;
                // A fresh array, so EF sees the change of a primitive collection.
                var histogram = (int[])metric.DurationHistogram.Clone();
                histogram[DurationHistogram.BucketOf(ms)]++;
                metric.DurationHistogram = histogram;
            }
        }
        else if (status == SyncStatus.Failed)
        {
            metric.FailureCount++;
        }
        var attempts = metric.SuccessCount + metric.FailureCount;
        metric.ErrorRate = attempts == 0 ? null : (double)metric.FailureCount / attempts;
        metric.LastUpdatedUtc = nowUtc;
    }
}
