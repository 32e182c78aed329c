using SyncDashboard.Monitoring;

namespace SyncDashboard.Tests.Monitoring;

public sealed class MetricRollupFacts
{
    private static readonly DateTime Now = new(2026, 11, 29, 10, 42, 17, DateTimeKind.Utc);

    [Fact]
    public void HourOf_TruncatesToTheHour_InUtc()
    {
        var hour = MetricRollup.HourOf(Now);
        Assert.Equal(new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc), hour);
        Assert.Equal(DateTimeKind.Utc, hour.Kind);
    }

    [Fact]
    public void Add_KeepsCountsDurationsAndHistogram_ForSuccesses()
    {
        var metric = new SyncMetric { Service = "todoist" };
        MetricRollup.Add(metric, SyncStatus.Succeeded, 120, 10, Now);
        MetricRollup.Add(metric, SyncStatus.Succeeded, 40, 5, Now);

        Assert.Equal(2, metric.SuccessCount);
        Assert.Equal(15, metric.ItemsProcessed);
        Assert.Equal(160, metric.TotalDurationMs);
        Assert.Equal(40, metric.MinDurationMs);
        Assert.Equal(120, metric.MaxDurationMs);
        Assert.Equal(0.0, metric.ErrorRate);
        Assert.Equal(1, metric.DurationHistogram[DurationHistogram.BucketOf(120)]);
        Assert.Equal(1, metric.DurationHistogram[DurationHistogram.BucketOf(40)]);
        Assert.Equal(2, metric.DurationHistogram.Sum());
    }

    [Fact]
    public void Add_CountsFailures_WithoutTouchingDurations()
    {
        var metric = new SyncMetric { Service = "todoist" };
        MetricRollup.Add(metric, SyncStatus.Succeeded, 100, 1, Now);
        MetricRollup.Add(metric, SyncStatus.Failed, 30_000, 0, Now);

        Assert.Equal(1, metric.FailureCount);
        Assert.Equal(100, metric.MaxDurationMs);
        Assert.Equal(0.5, metric.ErrorRate);
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
}
