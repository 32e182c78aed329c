namespace SyncDashboard.Data;

/// <summary>Adds finished attempts to a rollup row and combines rows into longer periods. Pure, so the hourly rows kept
/// by each run and the daily and weekly rollups share one definition of the numbers.</summary>
/// <remarks>Periods are UTC: an hour starts on the hour, a day at 00:00, a week on Monday 00:00 (ISO 8601), so a day
/// never straddles two weeks and a week is exactly seven days.</remarks>
public static class MetricArithmetic
{
    public static DateTime HourOf(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);

    public static DateTime DayOf(DateTime utc) => new(utc.Year, utc.Month, utc.Day, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The Monday 00:00 UTC that starts the week of <paramref name="utc"/>.</summary>
    public static DateTime WeekOf(DateTime utc) => DayOf(utc).AddDays(-(((int)utc.DayOfWeek + 6) % 7));

    public static DateTime StartOf(MetricPeriod period, DateTime utc) => period switch
    {
        MetricPeriod.Hourly => HourOf(utc),
        MetricPeriod.Daily => DayOf(utc),
        MetricPeriod.Weekly => WeekOf(utc),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    public static TimeSpan LengthOf(MetricPeriod period) => period switch
    {
        MetricPeriod.Hourly => TimeSpan.FromHours(1),
        MetricPeriod.Daily => TimeSpan.FromDays(1),
        MetricPeriod.Weekly => TimeSpan.FromDays(7),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    /// <summary>The rollup of <paramref name="period"/> starting at <paramref name="periodStartUtc"/> from the shorter
    /// rows inside it: counts, items and durations summed, the least minimum, the greatest maximum, duration sketches
    /// merged (exactly: the merge is the sketch of all their runs), the error rate recomputed from the sums (null without attempts). Its last update is the
    /// newest of its rows', not the clock's, so combining the same rows twice gives the same row.</summary>
    public static SyncMetric Combine(
        string service, MetricPeriod period, DateTime periodStartUtc, IEnumerable<SyncMetric> rows)
    {
        var end = periodStartUtc + LengthOf(period);
        var combined = new SyncMetric
        {
            Service = service,
            Period = period,
            PeriodStartUtc = periodStartUtc,
            LastUpdatedUtc = periodStartUtc,
        };
        var sketches = new List<DurationSketch>();
        foreach (var row in rows)
        {
            if (row.Service != service || row.PeriodStartUtc < periodStartUtc || row.PeriodStartUtc >= end ||
                row.Period >= period)
            {
                throw new ArgumentException(
                    $"A {row.Period} row of {row.Service} at {row.PeriodStartUtc:O} is not inside the {period} " +
                    $"of {service} at {periodStartUtc:O}.", nameof(rows));
            }
            combined.SuccessCount += row.SuccessCount;
            combined.FailureCount += row.FailureCount;
            combined.ItemsProcessed += row.ItemsProcessed;
            combined.TotalDurationMs += row.TotalDurationMs;
            combined.MinDurationMs = Least(combined.MinDurationMs, row.MinDurationMs);
            combined.MaxDurationMs = Greatest(combined.MaxDurationMs, row.MaxDurationMs);
            sketches.Add(row.DurationSketch);
            if (row.LastUpdatedUtc > combined.LastUpdatedUtc) combined.LastUpdatedUtc = row.LastUpdatedUtc;
        }
        combined.DurationSketch = DurationSketch.Merge(sketches);
        var attempts = combined.SuccessCount + combined.FailureCount;
        combined.ErrorRate = attempts == 0 ? null : (double)combined.FailureCount / attempts;
        return combined;
    }

    /// <summary>Copies the numbers of <paramref name="source"/> onto a stored row; properties that did not change stay
    /// unmodified, so recomputing an unchanged period writes nothing.</summary>
    public static void CopyNumbers(SyncMetric source, SyncMetric target)
    {
        target.SuccessCount = source.SuccessCount;
        target.FailureCount = source.FailureCount;
        target.ItemsProcessed = source.ItemsProcessed;
        target.TotalDurationMs = source.TotalDurationMs;
        target.MinDurationMs = source.MinDurationMs;
        target.MaxDurationMs = source.MaxDurationMs;
        target.ErrorRate = source.ErrorRate;
        target.DurationSketch = source.DurationSketch;
        target.LastUpdatedUtc = source.LastUpdatedUtc;
    }

    private static long? Least(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static long? Greatest(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

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
                metric.DurationSketch = metric.DurationSketch.Add(ms);
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
