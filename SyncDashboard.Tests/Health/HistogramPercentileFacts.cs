using SyncDashboard.Data;
using SyncDashboard.Health;

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

    /// <summary>"Within one bucket" taken literally: the estimate lies inside the bucket that holds the exact
    /// (nearest-rank) percentile, bounds included (interpolation reaches the upper bound at the bucket's last
    /// sample). Looser checks, such as "the estimate's bucket is at most one away", pass for an estimate a whole bucket
    /// off; this one fails for it. Rows cover sizes from one sample up, the extreme quantiles, and samples packed
    /// around a bucket boundary (256 ms), where an off-by-one bucket would show.</summary>
    [Theory]
    [InlineData(1, 500, 0.5)]
    [InlineData(2, 500, 0.95)]
    [InlineData(3, 500, 0.99)]
    [InlineData(4, 500, 0.5)]
    [InlineData(5, 500, 0.95)]
    [InlineData(6, 500, 0.05)]
    [InlineData(7, 500, 0.0)]
    [InlineData(8, 500, 1.0)]
    [InlineData(9, 1, 0.95)]
    [InlineData(10, 3, 0.5)]
    [InlineData(11, 20, 0.95)]
    [InlineData(12, 40, 0.5)]
    public void Of_IsWithinOneBucket_OfTheExactPercentile(int seed, int count, double p)
    {
        var random = new Random(seed);
        // Log-normal-ish durations around a second, like real syncs, spread over most buckets.
        AssertWithinTheBucketOfTheExact(Enumerable.Range(0, count)
            .Select(_ => (long)Math.Exp(Math.Log(800) + 1.2 * Normal(random))).ToList(), p);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.95)]
    [InlineData(0.25)]
    public void Of_IsWithinOneBucket_OfTheExactPercentile_AroundABucketBoundary(double p)
    {
        // 250..269 ms: the first six below 256 (bucket 4), the rest above it (bucket 5); exact ranks fall on both sides.
        var durations = Enumerable.Range(0, 20).Select(i => 250L + i).ToList();
        foreach (var repeat in new[] { 1, 2, 5 })
        {
            AssertWithinTheBucketOfTheExact(durations.SelectMany(d => Enumerable.Repeat(d, repeat)).ToList(), p);
        }
    }

    /// <summary>The estimate from the histogram of <paramref name="durations"/> lies within the bounds of the bucket
    /// holding the exact nearest-rank percentile.</summary>
    internal static void AssertWithinTheBucketOfTheExact(IReadOnlyCollection<long> durations, double p)
    {
        var counts = DurationHistogram.Empty();
        foreach (var ms in durations) counts[DurationHistogram.BucketOf(ms)]++;
        AssertWithinTheBucketOf(Exact(durations, p), HistogramPercentile.Of(counts, p), $"p{p * 100} of {durations.Count}");
    }

    /// <summary>The nearest-rank percentile: the smallest sample with at least a share <paramref name="p"/> of the
    /// samples at or below it.</summary>
    internal static long Exact(IEnumerable<long> durations, double p)
    {
        var sorted = durations.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    internal static void AssertWithinTheBucketOf(long exact, double? estimate, string what)
    {
        var bucket = DurationHistogram.BucketOf(exact);
        var (lower, upper) = (DurationHistogram.LowerBoundMs(bucket), DurationHistogram.UpperBoundMs(bucket));
        Assert.True(estimate is { } e && e >= lower && e <= upper,
            $"{what}: estimate {estimate:0.#} ms, exact {exact} ms, whose bucket is [{lower}, {upper}] ms");
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
