namespace SyncDashboard.Slo;

/// <summary>Service level objectives as pure arithmetic over plain values (see docs/slo.md for the definitions).
/// <list type="bullet">
/// <item>Success: good = succeeded attempts, bad = failed ones, each counted by when it ended, in the span
/// (start, end]. An attempt that ended inside an excluded range counts neither way.</item>
/// <item>Freshness: bad = the minutes of the span in which the last success had ended more than the threshold ago
/// (exactly at the threshold is fresh), or none had ended yet; good = the other minutes. Time before the first attempt
/// ever, and excluded time, count neither way.</item>
/// <item>Budget over the objective's window: allowed = (1 − target) × total, spent = bad, remaining = allowed − spent.</item>
/// <item>Burn rate over W: (bad ÷ total over the last W) ÷ (1 − target).</item>
/// </list></summary>
public static class SloCalculator
{
    /// <summary>The windows the page shows burn rates for; the burn-rate rules may add their own.</summary>
    public static readonly IReadOnlyList<TimeSpan> StandardBurnWindows =
    [
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1),
        TimeSpan.FromHours(6), TimeSpan.FromHours(24), TimeSpan.FromDays(3),
    ];

    /// <summary>Comparisons with a target or a threshold allow for the rounding of doubles: 1 − 0.99 is not exactly
    /// 0.01, and a burn of exactly 14.4× must not read as 14.399999….</summary>
    public const double Tolerance = 1e-9;

    public static SloStatus Evaluate(
        SloObjective objective, SloHistory history, DateTime nowUtc, IReadOnlyList<TimeRange> excluded,
        IEnumerable<TimeSpan> burnWindows)
    {
        var window = Measure(objective, history, new TimeRange(nowUtc - objective.Window, nowUtc), excluded);
        var allowed = objective.BadShareAllowed * window.Total;
        var budget = new SloBudget(allowed, window.Bad, allowed - window.Bad);
        return new SloStatus(objective, nowUtc, window, budget, BurnRates(objective, history, nowUtc, burnWindows, excluded));
    }

    /// <summary>The burn rates over each window, shortest first; the history needs to reach back only as far as the
    /// longest of them.</summary>
    public static IReadOnlyList<BurnRateValue> BurnRates(
        SloObjective objective, SloHistory history, DateTime nowUtc, IEnumerable<TimeSpan> windows,
        IReadOnlyList<TimeRange> excluded) =>
        windows.Distinct().Order().Select(w => BurnRate(objective, history, nowUtc, w, excluded)).ToList();

    public static BurnRateValue BurnRate(
        SloObjective objective, SloHistory history, DateTime nowUtc, TimeSpan window, IReadOnlyList<TimeRange> excluded)
    {
        var tally = Measure(objective, history, new TimeRange(nowUtc - window, nowUtc), excluded);
        return new BurnRateValue(window, tally.BadShare / objective.BadShareAllowed, tally);
    }

    /// <summary>Good and bad in <paramref name="span"/>, in the objective's unit.</summary>
    public static SloTally Measure(
        SloObjective objective, SloHistory history, TimeRange span, IReadOnlyList<TimeRange> excluded) =>
        objective.Kind == SloKind.Success
            ? Attempts(history, span, excluded)
            : objective.FreshnessThreshold is { } threshold
                ? Freshness(history, span, threshold, excluded)
                : new SloTally(0, 0);

    private static SloTally Attempts(SloHistory history, TimeRange span, IReadOnlyList<TimeRange> excluded)
    {
        var good = 0;
        var bad = 0;
        var ends = history.Ends;
        for (var i = SloHistory.FirstAfter(ends, span.StartUtc); i < ends.Length && ends[i] <= span.EndUtc; i++)
        {
            if (IsExcluded(ends[i], excluded)) continue;
            if (history.Attempts[i].Succeeded) good++;
            else bad++;
        }
        return new SloTally(good, bad);
    }

    private static bool IsExcluded(DateTime utc, IReadOnlyList<TimeRange> excluded)
    {
        foreach (var range in excluded)
        {
            if (range.Contains(utc)) return true;
        }
        return false;
    }

    private static SloTally Freshness(
        SloHistory history, TimeRange span, TimeSpan threshold, IReadOnlyList<TimeRange> excluded)
    {
        if (history.HistoryStartUtc is not { } historyStart) return new SloTally(0, 0);
        var from = span.StartUtc > historyStart ? span.StartUtc : historyStart;
        var to = span.EndUtc;
        if (from >= to) return new SloTally(0, 0);

        var stale = StaleRanges(history, from, to, threshold);
        var counted = new TimeRange(from, to);
        var merged = Merge(excluded.Select(r => Clip(r, counted)));
        var total = counted.Duration - Sum(merged);
        var staleTime = Sum(stale) - Sum(stale.SelectMany(s => merged.Select(e => Clip(e, s))));
        var badMinutes = staleTime.TotalMinutes;
        return new SloTally(total.TotalMinutes - badMinutes, badMinutes);
    }

    /// <summary>The stale stretches of [from, to) that are not empty, in order: from the last success that ended by
    /// <paramref name="from"/> on, one success after another.</summary>
    private static List<TimeRange> StaleRanges(SloHistory history, DateTime from, DateTime to, TimeSpan threshold)
    {
        var successes = history.SuccessEnds;
        var next = SloHistory.FirstAfter(successes, from);
        DateTime? previous = next > 0 ? successes[next - 1] : null;
        var stale = new List<TimeRange>();
        var cursor = from;
        for (; next < successes.Length && successes[next] <= to; next++)
        {
            AddIfNotEmpty(stale, StaleBetween(cursor, successes[next], previous, threshold));
            previous = successes[next];
            cursor = successes[next];
        }
        AddIfNotEmpty(stale, StaleBetween(cursor, to, previous, threshold));
        return stale;
    }

    private static void AddIfNotEmpty(List<TimeRange> ranges, TimeRange range)
    {
        if (range.Duration > TimeSpan.Zero) ranges.Add(range);
    }

    /// <summary>The periods in which the mirror was stale inside <paramref name="span"/> (from the first attempt ever
    /// on), excluded time cut out, in order: what spent a freshness budget. Empty for a success objective or without a
    /// threshold.</summary>
    public static IReadOnlyList<TimeRange> StalePeriods(
        SloObjective objective, SloHistory history, TimeRange span, IReadOnlyList<TimeRange> excluded)
    {
        if (objective.Kind != SloKind.Freshness || objective.FreshnessThreshold is not { } threshold ||
            history.HistoryStartUtc is not { } historyStart)
        {
            return [];
        }
        var from = span.StartUtc > historyStart ? span.StartUtc : historyStart;
        if (from >= span.EndUtc) return [];
        var cuts = Merge(excluded.Select(r => Clip(r, span)));
        var periods = new List<TimeRange>();
        foreach (var stale in StaleRanges(history, from, span.EndUtc, threshold))
        {
            var start = stale.StartUtc;
            foreach (var cut in cuts.Where(c => c.EndUtc > stale.StartUtc && c.StartUtc < stale.EndUtc))
            {
                if (cut.StartUtc > start) periods.Add(new TimeRange(start, cut.StartUtc));
                if (cut.EndUtc > start) start = cut.EndUtc;
            }
            if (stale.EndUtc > start) periods.Add(new TimeRange(start, stale.EndUtc));
        }
        return periods;
    }

    /// <summary>The budget left over the objective's window as it was spent: at <paramref name="steps"/> + 1 evenly
    /// spaced moments from the window's start to now, what the budget allowed now less what was spent from the
    /// window's start to that moment. The last point is <see cref="SloBudget.Remaining"/>.</summary>
    public static IReadOnlyList<SloBudgetPoint> BurnDown(
        SloObjective objective, SloHistory history, DateTime nowUtc, IReadOnlyList<TimeRange> excluded, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var start = nowUtc - objective.Window;
        var allowed = objective.BadShareAllowed * Measure(objective, history, new TimeRange(start, nowUtc), excluded).Total;
        var step = objective.Window / steps;
        var moments = Enumerable.Range(0, steps + 1).Select(i => i == steps ? nowUtc : start + step * i).ToList();
        return moments.Zip(SpentUpTo(objective, history, new TimeRange(start, nowUtc), excluded, moments))
            .Select(p => new SloBudgetPoint(p.First, allowed - p.Second))
            .ToList();
    }

    /// <summary>What was spent from <paramref name="window"/>'s start to each of <paramref name="moments"/> (in
    /// order): the same as <see cref="Measure"/>'s bad over each such span, found in one pass over the window's failures
    /// or stale periods instead of measuring the history again per moment (a month of runs every 30 s is 86,000
    /// attempts, 121 moments, two objectives: seconds on the page before).</summary>
    private static IEnumerable<double> SpentUpTo(
        SloObjective objective, SloHistory history, TimeRange window, IReadOnlyList<TimeRange> excluded,
        IReadOnlyList<DateTime> moments)
    {
        if (objective.Kind == SloKind.Success)
        {
            var failures = new List<DateTime>();
            var ends = history.Ends;
            for (var i = SloHistory.FirstAfter(ends, window.StartUtc); i < ends.Length && ends[i] <= window.EndUtc; i++)
            {
                if (!history.Attempts[i].Succeeded && !IsExcluded(ends[i], excluded)) failures.Add(ends[i]);
            }
            var counted = 0;
            foreach (var at in moments)
            {
                while (counted < failures.Count && failures[counted] <= at) counted++;
                yield return counted;
            }
            yield break;
        }
        var stale = StalePeriods(objective, history, window, excluded);
        foreach (var at in moments)
        {
            yield return stale.Where(p => p.StartUtc < at).Sum(p => ((p.EndUtc < at ? p.EndUtc : at) - p.StartUtc).TotalMinutes);
        }
    }

    /// <summary>The stale part of [from, to) when the last success before <paramref name="from"/> ended at
    /// <paramref name="previous"/>: from the moment it got older than the threshold, or all of it when there was none.</summary>
    private static TimeRange StaleBetween(DateTime from, DateTime to, DateTime? previous, TimeSpan threshold)
    {
        if (previous is not { } last) return new TimeRange(from, to);
        var staleFrom = last + threshold;
        return new TimeRange(staleFrom > from ? staleFrom : from, to);
    }

    private static TimeRange Clip(TimeRange range, TimeRange within) => new(
        range.StartUtc > within.StartUtc ? range.StartUtc : within.StartUtc,
        range.EndUtc < within.EndUtc ? range.EndUtc : within.EndUtc);

    /// <summary>Overlapping ranges as one, so excluded time is subtracted once however the ranges overlap.</summary>
    private static List<TimeRange> Merge(IEnumerable<TimeRange> ranges)
    {
        var merged = new List<TimeRange>();
        foreach (var range in ranges.Where(r => r.Duration > TimeSpan.Zero).OrderBy(r => r.StartUtc))
        {
            if (merged.Count > 0 && range.StartUtc <= merged[^1].EndUtc)
            {
                var last = merged[^1];
                merged[^1] = last with { EndUtc = range.EndUtc > last.EndUtc ? range.EndUtc : last.EndUtc };
            }
            else
            {
                merged.Add(range);
            }
        }
        return merged;
    }

    private static TimeSpan Sum(IEnumerable<TimeRange> ranges) =>
        ranges.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration);
}
