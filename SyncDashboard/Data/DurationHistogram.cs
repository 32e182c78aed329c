namespace SyncDashboard.Data;

/// <summary>Fixed log-scale duration buckets: bucket i holds durations below 2^(i+4) ms (16 ms, 32 ms, … 64 s),
/// the last one everything longer. Fixed bounds make histograms of different periods addable.</summary>
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
}
