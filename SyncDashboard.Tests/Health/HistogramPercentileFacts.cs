using SyncDashboard.Health;
using SyncDashboard.Monitoring;

namespace SyncDashboard.Tests.Health;

public sealed class HistogramPercentileFacts
{
    [Fact]
    public void Of_IsNull_ForAnEmptyHistogram() => Assert.Null(HistogramPercentile.Of(DurationHistogram.Empty(), 0.95));

    [Theory]
    [InlineData(0.0, 1024)]
    [InlineData(0.5, 1536)]
    [InlineData(1.0, 2048)]
    public void Of_InterpolatesInsideTheBucket(double p, double expected)
    {
        var counts = DurationHistogram.Empty();
        counts[DurationHistogram.BucketOf(1500)] = 10; // [1024, 2048)
        Assert.Equal(expected, HistogramPercentile.Of(counts, p));
    }

    [Fact]
    public void Of_ReturnsTheLowerBound_InTheOpenEndedLastBucket()
    {
        var counts = DurationHistogram.Empty();
        counts[^1] = 3;
        Assert.Equal(DurationHistogram.LowerBoundMs(DurationHistogram.BucketCount - 1), HistogramPercentile.Of(counts, 0.95));
    }

    [Fact]
    public void Of_SkipsEmptyBuckets()
    {
        var counts = DurationHistogram.Empty();
        counts[2] = 1;
        counts[9] = 1;
        Assert.Equal(DurationHistogram.LowerBoundMs(2), HistogramPercentile.Of(counts, 0));
        Assert.Equal(DurationHistogram.UpperBoundMs(9), HistogramPercentile.Of(counts, 1));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(95)]
    [InlineData(double.NaN)]
    public void Of_Rejects_AQuantileOutsideZeroToOne(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HistogramPercentile.Of(DurationHistogram.Empty(), p));

    [Fact]
    public void Of_Rejects_AHistogramOfAnotherShape() =>
        Assert.Throws<ArgumentException>(() => HistogramPercentile.Of(new int[3], 0.5));

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.95)]
    [InlineData(3, 0.99)]
    [InlineData(4, 0.5)]
    [InlineData(5, 0.95)]
    [InlineData(6, 0.05)]
    public void Of_IsWithinOneBucket_OfTheExactPercentile(int seed, double p)
    {
        var random = new Random(seed);
        // Log-normal-ish durations around a second, like real syncs, spread over most buckets.
        var durations = Enumerable.Range(0, 500)
            .Select(_ => (long)Math.Exp(Math.Log(800) + 1.2 * Normal(random)))
            .Order().ToArray();
        var counts = DurationHistogram.Empty();
        foreach (var ms in durations) counts[DurationHistogram.BucketOf(ms)]++;

        var exact = durations[Math.Clamp((int)Math.Ceiling(p * durations.Length) - 1, 0, durations.Length - 1)];
        var estimate = HistogramPercentile.Of(counts, p)!.Value;

        var off = Math.Abs(DurationHistogram.BucketOf((long)estimate) - DurationHistogram.BucketOf(exact));
        Assert.True(off <= 1, $"p{p * 100}: estimate {estimate:0} ms, exact {exact} ms, {off} buckets apart");
    }

    [Fact]
    public void Merge_AddsBucketByBucket()
    {
        var a = DurationHistogram.Empty();
        var b = DurationHistogram.Empty();
        a[1] = 2;
        b[1] = 3;
        b[5] = 1;
        var merged = HistogramPercentile.Merge([a, b]);
        Assert.Equal(5, merged[1]);
        Assert.Equal(1, merged[5]);
        Assert.Equal(6, merged.Sum());
        Assert.Equal(DurationHistogram.Empty(), HistogramPercentile.Merge([]));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
