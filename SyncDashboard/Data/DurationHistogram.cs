namespace SyncDashboard.Data;

/// <summary>Fixed log-scale duration buckets: bucket i holds durations below 2^(i+4) ms (16 ms, 32 ms, … 64 s),
/// the last one everything longer. The performance page draws its duration bars with them; rollup rows kept their
/// durations in them before <see cref="DurationSketch"/> (see <see cref="ToSketch"/>).</summary>
public static class DurationHistogram
{
    public const int BucketCount = 14;

    public static int[] Empty() => new int[BucketCount];

    public static int BucketOf(long durationMs)
    {
        for (var i = 0; i < BucketCount - 1; i++)
        {
            if (durationMs < UpperBoundMs(i)) return i;
        }
        return BucketCount - 1;
    }

    /// <summary>The exclusive upper bound of bucket <paramref name="bucket"/>; the last bucket has none.</summary>
    public static long UpperBoundMs(int bucket) =>
        bucket >= BucketCount - 1 ? long.MaxValue : 1L << (bucket + 4);

    public static long LowerBoundMs(int bucket) => bucket == 0 ? 0 : 1L << (bucket + 3);

    /// <summary>The runs of <paramref name="sketch"/> per bucket, each bin counted in the bucket of the value it stands
    /// for (a bin straddling a bucket bound, 2 % wide, goes to one side of it).</summary>
    public static int[] Of(DurationSketch sketch)
    {
        var counts = Empty();
        foreach (var (valueMs, count) in sketch.Values())
        {
            counts[BucketOf((long)Math.Round(valueMs))] += (int)count;
        }
        return counts;
    }

    /// <summary>The nearest a sketch gets to a row kept as bucket counts once its runs are gone: each bucket's runs at
    /// its geometric midpoint (4 ms for the first, [1, 16) ms, whose zeros cannot be told apart; the open-ended last,
    /// from 65.5 s, as if it spanned one more doubling). Its percentiles are then as coarse as the buckets were: within
    /// a factor of √2 of the runs', not 2 %.</summary>
    public static DurationSketch ToSketch(int[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Length != BucketCount)
        {
            throw new ArgumentException($"A duration histogram has {BucketCount} buckets, not {counts.Length}.", nameof(counts));
        }
        return DurationSketch.FromBins(0, counts.Select((count, bucket) =>
            new KeyValuePair<int, long>(DurationSketch.IndexOf(MidpointMs(bucket)), count)));
    }

    private static long MidpointMs(int bucket)
    {
        var lower = Math.Max(1, LowerBoundMs(bucket));
        var upper = bucket == BucketCount - 1 ? 2 * lower : UpperBoundMs(bucket);
        return (long)Math.Round(Math.Sqrt((double)lower * upper));
    }
}
