using SyncDashboard.Data;

namespace SyncDashboard.Tests.Data;

public sealed class DurationHistogramFacts
{
    /// <summary>A row kept as buckets, its runs gone: each bucket's runs at its geometric midpoint, so its percentiles
    /// are as coarse as the buckets were, and its count is unchanged.</summary>
    [Fact]
    public void ToSketch_PutsEachBucketsRunsAtItsGeometricMidpoint()
    {
        var counts = DurationHistogram.Empty();
        counts[DurationHistogram.BucketOf(300)] = 10;  // [256, 512): midpoint 362 ms
        counts[DurationHistogram.BucketOf(1500)] = 1;  // [1024, 2048): midpoint 1448 ms
        counts[DurationHistogram.BucketOf(5)] = 2;     // [0, 16): 4 ms
        counts[^1] = 1;                                // from 65,536 ms, taken as one more doubling: 92,682 ms

        var sketch = DurationHistogram.ToSketch(counts);

        Assert.Equal(14, sketch.Count);
        Assert.Equal(0, sketch.ZeroCount);
        Assert.InRange(sketch.Quantile(0.1)!.Value, 4 * 0.99, 4 * 1.01);
        Assert.InRange(sketch.Quantile(0.5)!.Value, 362 * 0.99, 362 * 1.01);
        Assert.InRange(sketch.Quantile(0.9)!.Value, 1448 * 0.99, 1448 * 1.01);
        Assert.InRange(sketch.Quantile(1)!.Value, 92_682 * 0.99, 92_682 * 1.01);
        Assert.Equal(counts, DurationHistogram.Of(sketch)); // every midpoint stays in its own bucket
    }

    [Fact]
    public void ToSketch_Rejects_AHistogramOfAnotherShape() =>
        Assert.Throws<ArgumentException>(() => DurationHistogram.ToSketch(new int[3]));

    /// <summary>The performance page's bars from a sketch: the runs per power-of-two bucket, zeros in the first.</summary>
    [Fact]
    public void Of_CountsTheSketchsRuns_PerBucket()
    {
        long[] durations = [0, 3, 20, 300, 310, 400, 1_500, 70_000];

        var counts = DurationHistogram.Of(DurationSketch.Of(durations));

        var expected = DurationHistogram.Empty();
        foreach (var ms in durations) expected[DurationHistogram.BucketOf(ms)]++;
        Assert.Equal(expected, counts);
    }
}
