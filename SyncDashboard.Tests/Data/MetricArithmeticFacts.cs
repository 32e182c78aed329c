using SyncDashboard.Data;

namespace SyncDashboard.Tests.Data;

public sealed class MetricArithmeticFacts
{
    private static readonly DateTime Now = new(2026, 11, 29, 10, 42, 17, DateTimeKind.Utc);

    [Fact]
    public void HourOf_TruncatesToTheHour_InUtc()
    {
        var hour = MetricArithmetic.HourOf(Now);
        Assert.Equal(new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc), hour);
        Assert.Equal(DateTimeKind.Utc, hour.Kind);
    }

    [Fact]
    public void Add_KeepsCountsDurationsAndSketch_ForSuccesses()
    {
        var metric = new SyncMetric { Service = "todoist" };
        MetricArithmetic.Add(metric, SyncStatus.Succeeded, 120, 10, Now);
        MetricArithmetic.Add(metric, SyncStatus.Succeeded, 40, 5, Now);

        Assert.Equal(2, metric.SuccessCount);
        Assert.Equal(15, metric.ItemsProcessed);
        Assert.Equal(160, metric.TotalDurationMs);
        Assert.Equal(40, metric.MinDurationMs);
        Assert.Equal(120, metric.MaxDurationMs);
        Assert.Equal(0.0, metric.ErrorRate);
        Assert.Equal(DurationSketch.Of([120, 40]), metric.DurationSketch);
    }

    [Fact]
    public void Add_CountsFailures_WithoutTouchingDurations()
    {
        var metric = new SyncMetric { Service = "todoist" };
        MetricArithmetic.Add(metric, SyncStatus.Succeeded, 100, 1, Now);
        MetricArithmetic.Add(metric, SyncStatus.Failed, 30_000, 0, Now);

        Assert.Equal(1, metric.FailureCount);
        Assert.Equal(100, metric.MaxDurationMs);
        Assert.Equal(0.5, metric.ErrorRate);
        Assert.Equal(1, metric.DurationSketch.Count);
        Assert.Equal(Now, metric.LastUpdatedUtc);
    }

    [Fact]
    public void EmptyMetric_HasNullRatesAndExtremes_NotNaNOrInfinity()
    {
        var metric = new SyncMetric { Service = "todoist" };
        Assert.Null(metric.ErrorRate);
        Assert.Null(metric.MinDurationMs);
        Assert.Null(metric.MaxDurationMs);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(15, 0)]
    [InlineData(16, 1)]
    [InlineData(31, 1)]
    [InlineData(32, 2)]
    [InlineData(1000, 6)]
    [InlineData(65_535, 12)]
    [InlineData(65_536, 13)]
    [InlineData(10_000_000, 13)]
    public void BucketOf_PlacesDurationsOnTheLogScale(long ms, int bucket)
    {
        Assert.Equal(bucket, DurationHistogram.BucketOf(ms));
        Assert.InRange(ms, DurationHistogram.LowerBoundMs(bucket), DurationHistogram.UpperBoundMs(bucket) - 1);
    }

    [Theory]
    [InlineData("2026-03-16T00:00:00", "2026-03-16")] // Monday 00:00 starts its own week
    [InlineData("2026-03-15T23:59:59", "2026-03-09")] // Sunday night still belongs to the week before
    [InlineData("2026-03-18T12:30:00", "2026-03-16")]
    [InlineData("2027-01-01T08:00:00", "2026-12-28")] // across a year boundary
    public void WeekOf_StartsOnMonday_InUtc(string utc, string monday)
    {
        var week = MetricArithmetic.WeekOf(DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc));
        Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), week);
        Assert.Equal(DateTimeKind.Utc, week.Kind);
    }

    [Fact]
    public void Combine_SumsCountsAndMergesSketches_AndTakesTheExtremes()
    {
        var day = MetricArithmetic.DayOf(Now);
        var early = Hour(day.AddHours(1), (SyncStatus.Succeeded, 40), (SyncStatus.Failed, 9_000));
        var late = Hour(day.AddHours(20), (SyncStatus.Succeeded, 2_000), (SyncStatus.Succeeded, 100));

        var combined = MetricArithmetic.Combine("todoist", MetricPeriod.Daily, day, [early, late]);

        Assert.Equal((3, 1, 2_140L, 40L, 2_000L, 0.25), (combined.SuccessCount, combined.FailureCount,
            combined.TotalDurationMs, combined.MinDurationMs, combined.MaxDurationMs, combined.ErrorRate));
        Assert.Equal(30, combined.ItemsProcessed);
        Assert.Equal(DurationSketch.Of([40, 2_000, 100]), combined.DurationSketch);
        Assert.Equal(late.LastUpdatedUtc, combined.LastUpdatedUtc);
        Assert.Equal((MetricPeriod.Daily, day), (combined.Period, combined.PeriodStartUtc));
    }

    [Fact]
    public void Combine_GivesNullsNotZeros_WhenNoAttemptWasTimed()
    {
        var day = MetricArithmetic.DayOf(Now);
        var combined = MetricArithmetic.Combine("todoist", MetricPeriod.Daily, day,
            [Hour(day, (SyncStatus.Failed, 30_000))]);

        Assert.Equal(1.0, combined.ErrorRate);
        Assert.Null(combined.MinDurationMs);
        Assert.Null(combined.MaxDurationMs);
        Assert.Null(MetricArithmetic.Combine("todoist", MetricPeriod.Weekly, MetricArithmetic.WeekOf(day), []).ErrorRate);
    }

    [Fact]
    public void Combine_Refuses_AnHourOutsideThePeriod()
    {
        var day = MetricArithmetic.DayOf(Now);
        Assert.Throws<ArgumentException>(() => MetricArithmetic.Combine("todoist", MetricPeriod.Daily, day,
            [Hour(day.AddDays(1), (SyncStatus.Succeeded, 10))]));
    }

    private static SyncMetric Hour(DateTime hour, params (SyncStatus Status, long Ms)[] runs)
    {
        var metric = new SyncMetric { Service = "todoist", Period = MetricPeriod.Hourly, PeriodStartUtc = hour };
        foreach (var (status, ms) in runs) MetricArithmetic.Add(metric, status, ms, 10, hour.AddMinutes(5));
        return metric;
    }
}
