using SyncDashboard.Data;

namespace SyncDashboard.Health;

/// <summary>Percentiles from <see cref="DurationHistogram"/> counts, so p95 and medians over days come from the
/// hourly rollups instead of every event.</summary>
public static class HistogramPercentile
{
    /// <summary>The <paramref name="p"/> quantile (0–1, so 0.95 for p95) in milliseconds, interpolated linearly
    /// inside the bucket that holds it: exact to within that bucket. The open-ended last bucket has no upper bound
    /// to interpolate to, so a quantile there is its lower bound, a floor. Null for an empty histogram.</summary>
    public static double? Of(int[] counts, double p)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Length != DurationHistogram.BucketCount)
        {
            throw new ArgumentException($"A duration histogram has {DurationHistogram.BucketCount} buckets, not {counts.Length}.", nameof(counts));
        }
        if (!(p is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile is between 0 and 1.");

        long total = 0;
        foreach (var count in counts)
        {
            if (count < 0) throw new ArgumentException("Bucket counts cannot be negative.", nameof(counts));
            total += count;
        }
        if (total == 0) return null;

        var rank = p * total;
        long below = 0;
        var last = Array.FindLastIndex(counts, c => c > 0);
        for (var bucket = 0; bucket <= last; bucket++)
        {
            var count = counts[bucket];
            if (count == 0) continue;
            // The last non-empty bucket takes whatever rounding leaves over.
            if (below + count >= rank || bucket == last)
            {
                double lower = DurationHistogram.LowerBoundMs(bucket);
                if (bucket == DurationHistogram.BucketCount - 1) return lower;
                double upper = DurationHistogram.UpperBoundMs(bucket);
                var fraction = Math.Clamp((rank - below) / count, 0, 1);
                return lower + fraction * (upper - lower);
            }
            below += count;
        }
        return null; // not reached: total > 0 means a non-empty bucket exists
    }

    /// <summary>Adds histograms bucket by bucket (the fixed bounds make that exact), e.g. 7 days of hourly rows.</summary>
    public static int[] Merge(IEnumerable<int[]> histograms)
    {
        var sum = DurationHistogram.Empty();
        foreach (var histogram in histograms)
        {
            if (histogram.Length != sum.Length)
            {
                throw new ArgumentException($"A duration histogram has {sum.Length} buckets, not {histogram.Length}.", nameof(histograms));
            }
            for (var i = 0; i < sum.Length; i++) sum[i] += histogram[i];
        }
        return sum;
    }
}
