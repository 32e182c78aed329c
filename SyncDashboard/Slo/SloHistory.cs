namespace SyncDashboard.Slo;

/// <summary>What <see cref="SloCalculator"/> measures, as plain values, kept in end order so that a span is found by
/// binary search instead of by reading every attempt: the health verdict measures six burn windows of two objectives
/// over three days of attempts on every evaluation.</summary>
public sealed class SloHistory
{
    /// <param name="attempts">Every counted attempt that ended in the span to measure, and the last success that ended
    /// before it (freshness needs to know how old the mirror was when the span began); any order, more is harmless.</param>
    /// <param name="historyStartUtc">When the first counted attempt ever ended; time before it is not measured (the
    /// service was not set up yet). Null: no attempt ever, nothing to measure.</param>
    public SloHistory(IEnumerable<SloAttempt> attempts, DateTime? historyStartUtc)
    {
        var byEnd = attempts.ToArray();
        if (!IsInEndOrder(byEnd)) byEnd = [.. byEnd.OrderBy(a => a.EndUtc)];
        Attempts = byEnd;
        Ends = [.. byEnd.Select(a => a.EndUtc)];
        SuccessEnds = [.. byEnd.Where(a => a.Succeeded).Select(a => a.EndUtc)];
        HistoryStartUtc = historyStartUtc;
    }

    public static SloHistory Empty { get; } = new([], null);

    /// <summary>The attempts, in the order they ended.</summary>
    public IReadOnlyList<SloAttempt> Attempts { get; }

    public DateTime? HistoryStartUtc { get; }

    /// <summary>When each of <see cref="Attempts"/> ended, in the same order.</summary>
    internal DateTime[] Ends { get; }

    /// <summary>When each success ended, in order.</summary>
    internal DateTime[] SuccessEnds { get; }

    /// <summary>The index of the first of <paramref name="ends"/> (in order) later than <paramref name="utc"/>.</summary>
    internal static int FirstAfter(DateTime[] ends, DateTime utc)
    {
        int low = 0, high = ends.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (ends[middle] <= utc) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private static bool IsInEndOrder(SloAttempt[] attempts)
    {
        for (var i = 1; i < attempts.Length; i++)
        {
            if (attempts[i].EndUtc < attempts[i - 1].EndUtc) return false;
        }
        return true;
    }
}
