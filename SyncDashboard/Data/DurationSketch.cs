namespace SyncDashboard.Data;

/// <summary>The durations of a period's timed successful runs as a log-scale sketch (DDSketch): bin <c>i</c> counts the
/// durations in (γ^(i−1), γ^i] ms, with γ = (1 + α)/(1 − α) and α = <see cref="RelativeAccuracy"/>, and stands for the
/// value 2γ^i/(γ + 1), which is within α of everything in it. A nearest-rank quantile is the value of the bin that
/// holds the sample of that rank, so it is within α of the exact nearest-rank percentile, for any number of runs and
/// any spread. Bins are fixed, so sketches of different periods merge by adding counts, exactly: the merge of hourly
/// sketches is the sketch of every run of those hours. Only non-empty bins are kept. Immutable; pure.</summary>
/// <remarks>Durations are whole milliseconds (a run records <c>(long)elapsed.TotalMilliseconds</c>), so a run under a
/// millisecond is 0 ms: those are counted apart, in a zero bin whose value is 0 ms. 1 ms is bin 0.</remarks>
public sealed class DurationSketch : IEquatable<DurationSketch>
{
    /// <summary>α: 1 %, half of the 2 % the dashboard promises, so rounding to whole milliseconds on a chart and the
    /// floating-point edge of a bin never take an answer past it. A bin spans about 2 %, 35 bins a doubling.</summary>
    public const double RelativeAccuracy = 0.01;

    /// <summary>The first byte of <see cref="Encode"/>: the layout and the accuracy the bins were made with, so a later
    /// change of either can still read what is stored.</summary>
    public const byte Format = 1;

    public static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);

    public static DurationSketch Empty { get; } = new(0, [], []);

    // Ascending, distinct, each with a positive count.
    private readonly int[] indexes;
    private readonly long[] counts;

    private DurationSketch(long zeroCount, int[] indexes, long[] counts)
    {
        ZeroCount = zeroCount;
        this.indexes = indexes;
        this.counts = counts;
        Count = zeroCount + counts.Sum();
    }

    /// <summary>Runs counted, the zero bin included.</summary>
    public long Count { get; }

    /// <summary>Runs of 0 ms (under a millisecond).</summary>
    public long ZeroCount { get; }

    /// <summary>Non-empty bins, zero bin excluded.</summary>
    public int BinCount => indexes.Length;

    /// <summary>The bin of a duration of at least 1 ms: ⌈log_γ(ms)⌉.</summary>
    public static int IndexOf(long durationMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(durationMs, 1);
        return (int)Math.Ceiling(Math.Log(durationMs) / LogGamma);
    }

    /// <summary>What bin <paramref name="index"/> stands for: 2γ^i/(γ + 1) ms, the value whose relative distance to both
    /// ends of the bin is α.</summary>
    public static double ValueOf(int index) => 2 * Math.Pow(Gamma, index) / (Gamma + 1);

    public static DurationSketch Of(IEnumerable<long> durationsMs)
    {
        ArgumentNullException.ThrowIfNull(durationsMs);
        var bins = new SortedDictionary<int, long>();
        long zeros = 0;
        foreach (var ms in durationsMs)
        {
            if (ms == 0)
            {
                zeros++;
                continue;
            }
            var index = IndexOf(ms); // throws for a negative duration
            bins[index] = bins.GetValueOrDefault(index) + 1;
        }
        return From(zeros, bins);
    }

    /// <summary>This sketch with one more run of <paramref name="durationMs"/> (0 or more).</summary>
    public DurationSketch Add(long durationMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(durationMs);
        if (durationMs == 0) return new DurationSketch(ZeroCount + 1, indexes, counts);
        var index = IndexOf(durationMs);
        var at = Array.BinarySearch(indexes, index);
        if (at >= 0)
        {
            var bumped = (long[])counts.Clone();
            bumped[at]++;
            return new DurationSketch(ZeroCount, indexes, bumped);
        }
        at = ~at;
        return new DurationSketch(ZeroCount, [.. indexes[..at], index, .. indexes[at..]], [.. counts[..at], 1, .. counts[at..]]);
    }

    /// <summary>The sketch of every run the <paramref name="sketches"/> counted: counts added bin by bin.</summary>
    public static DurationSketch Merge(IEnumerable<DurationSketch> sketches)
    {
        ArgumentNullException.ThrowIfNull(sketches);
        var all = sketches as IReadOnlyCollection<DurationSketch> ?? sketches.ToList();
        long zeros = 0;
        var (lowest, highest) = (int.MaxValue, int.MinValue);
        foreach (var sketch in all)
        {
            zeros += sketch.ZeroCount;
            if (sketch.indexes.Length == 0) continue;
            lowest = Math.Min(lowest, sketch.indexes[0]);
            highest = Math.Max(highest, sketch.indexes[^1]);
        }
        if (lowest > highest) return zeros == 0 ? Empty : new DurationSketch(zeros, [], []);
        // Dense between the lowest and highest bin: a few hundred entries at most (every long fits in ~2,200 bins), so
        // a month of hourly rows merges in one pass without a tree.
        var dense = new long[highest - lowest + 1];
        foreach (var sketch in all)
        {
            for (var i = 0; i < sketch.indexes.Length; i++) dense[sketch.indexes[i] - lowest] += sketch.counts[i];
        }
        var used = dense.Count(c => c > 0);
        var (indexes, counts) = (new int[used], new long[used]);
        for (int i = 0, j = 0; i < dense.Length; i++)
        {
            if (dense[i] == 0) continue;
            (indexes[j], counts[j]) = (lowest + i, dense[i]);
            j++;
        }
        return new DurationSketch(zeros, indexes, counts);
    }

    /// <summary>A sketch from counts per bin (any order; empty bins are dropped). For conversions, such as the
    /// power-of-two buckets rows kept before the sketch.</summary>
    public static DurationSketch FromBins(long zeroCount, IEnumerable<KeyValuePair<int, long>> bins)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(zeroCount);
        ArgumentNullException.ThrowIfNull(bins);
        var sorted = new SortedDictionary<int, long>();
        foreach (var (index, count) in bins)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            sorted[index] = sorted.GetValueOrDefault(index) + count;
        }
        return From(zeroCount, sorted);
    }

    private static DurationSketch From(long zeroCount, SortedDictionary<int, long> bins)
    {
        var kept = bins.Where(b => b.Value > 0).ToList();
        return kept.Count == 0 && zeroCount == 0
            ? Empty
            : new DurationSketch(zeroCount, kept.Select(b => b.Key).ToArray(), kept.Select(b => b.Value).ToArray());
    }

    /// <summary>The nearest-rank <paramref name="p"/> quantile (0–1, so 0.95 for p95) in milliseconds: the value of the
    /// bin holding the ⌈p·n⌉-th shortest run (the shortest for p = 0), within <see cref="RelativeAccuracy"/> of that
    /// run's duration. Null for an empty sketch.</summary>
    public double? Quantile(double p)
    {
        if (!(p is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile is between 0 and 1.");
        if (Count == 0) return null;
        var rank = NearestRank(p, Count);
        if (rank <= ZeroCount) return 0;
        var below = ZeroCount;
        for (var i = 0; i < indexes.Length; i++)
        {
            below += counts[i];
            if (below >= rank) return ValueOf(indexes[i]);
        }
        return ValueOf(indexes[^1]); // not reached: the ranks end at Count
    }

    /// <summary>The 1-based rank of the nearest-rank <paramref name="p"/> quantile of <paramref name="count"/> values:
    /// ⌈p·n⌉, at least the first.</summary>
    public static long NearestRank(double p, long count) => Math.Clamp((long)Math.Ceiling(p * count), 1, count);

    /// <summary>Each non-empty bin as the value it stands for and its count, shortest first; the zero bin as 0 ms.</summary>
    public IEnumerable<(double ValueMs, long Count)> Values()
    {
        if (ZeroCount > 0) yield return (0, ZeroCount);
        for (var i = 0; i < indexes.Length; i++) yield return (ValueOf(indexes[i]), counts[i]);
    }

    /// <summary>The stored form: <see cref="Format"/>, then unsigned LEB128 varints: the zero count, the number of
    /// bins, and per bin its index's distance from the previous one (from 0 for the first) and its count. An hour of a
    /// run a minute is about a hundred bytes, a week of them a few hundred.</summary>
    public byte[] Encode()
    {
        var buffer = new byte[1 + 10 * (2 + 2 * indexes.Length)];
        buffer[0] = Format;
        var at = 1;
        Write(buffer, ref at, (ulong)ZeroCount);
        Write(buffer, ref at, (ulong)indexes.Length);
        var previous = 0;
        for (var i = 0; i < indexes.Length; i++)
        {
            Write(buffer, ref at, (ulong)(indexes[i] - previous));
            Write(buffer, ref at, (ulong)counts[i]);
            previous = indexes[i];
        }
        return buffer[..at];
    }

    /// <summary>The sketch <see cref="Encode"/> stored; a clear <see cref="FormatException"/> for anything else.</summary>
    public static DurationSketch Decode(byte[] stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Length == 0 || stored[0] != Format)
        {
            throw new FormatException(stored.Length == 0
                ? "A stored duration sketch is empty; it needs at least its format byte."
                : $"A stored duration sketch has format {stored[0]}; this build reads format {Format}.");
        }
        var at = 1;
        var zeros = Read(stored, ref at);
        var bins = Read(stored, ref at);
        // Each bin takes at least two bytes: a corrupt count must not allocate gigabytes.
        if (bins > (ulong)(stored.Length - at) / 2) throw new FormatException($"A stored duration sketch claims {bins} bins in {stored.Length} bytes.");
        var indexes = new int[bins];
        var counts = new long[bins];
        long index = 0;
        for (var i = 0; i < indexes.Length; i++)
        {
            var step = Read(stored, ref at);
            index += (long)step;
            if ((i > 0 && step == 0) || index > int.MaxValue) throw new FormatException("A stored duration sketch has bins out of order.");
            indexes[i] = (int)index;
            counts[i] = (long)Read(stored, ref at);
            if (counts[i] <= 0) throw new FormatException("A stored duration sketch has an empty or negative bin.");
        }
        if (at != stored.Length) throw new FormatException($"A stored duration sketch has {stored.Length - at} bytes after its last bin.");
        if ((long)zeros < 0) throw new FormatException("A stored duration sketch has a negative zero count.");
        return bins == 0 && zeros == 0 ? Empty : new DurationSketch((long)zeros, indexes, counts);
    }

    private static void Write(byte[] buffer, ref int at, ulong value)
    {
        while (value >= 0x80)
        {
            buffer[at++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[at++] = (byte)value;
    }

    private static ulong Read(ReadOnlySpan<byte> stored, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= stored.Length) throw new FormatException("A stored duration sketch ends inside a number.");
            var b = stored[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new FormatException("A stored duration sketch has a number longer than 64 bits.");
    }

    public bool Equals(DurationSketch? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            ZeroCount == other.ZeroCount && indexes.AsSpan().SequenceEqual(other.indexes) && counts.AsSpan().SequenceEqual(other.counts));

    public override bool Equals(object? obj) => Equals(obj as DurationSketch);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ZeroCount);
        foreach (var index in indexes) hash.Add(index);
        foreach (var count in counts) hash.Add(count);
        return hash.ToHashCode();
    }

    public override string ToString() =>
        $"{Count} run(s): " + string.Join(' ', (ZeroCount > 0 ? new[] { $"0ms×{ZeroCount}" } : [])
            .Concat(indexes.Select((index, i) => $"#{index}×{counts[i]}")));
}
