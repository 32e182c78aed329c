using SyncDashboard.Slo;

namespace SyncDashboard.Health;

public static class Uptime
{
    /// <summary>The share of the window [<paramref name="windowStartUtc"/>, <paramref name="windowEndUtc"/>) during
    /// which the service was not failing. Each attempt sets the state until the next one: up after a success, down
    /// after a failure, so the time from a failed attempt to the next success counts as down (and a last failure
    /// counts as down up to the window's end). The state at the window's start is that of the last attempt at or
    /// before it; with none, the time before the first attempt in the window is unknown and left out of both the
    /// up time and the whole. Null when no part of the window is known.
    /// <para><paramref name="attempts"/> must be ordered by time; pass those in the window and the last one before
    /// it (only changes of state matter, so a caller may pass just those).</para>
    /// <para>Time in <paramref name="excluded"/> (maintenance windows that say so) counts neither up nor down: it is
    /// left out of the up time and of the whole, as unknown time is.</para></summary>
    public static double? Compute(
        IReadOnlyList<AttemptPoint> attempts, DateTime windowStartUtc, DateTime windowEndUtc,
        IReadOnlyList<TimeRange>? excluded = null)
    {
        excluded ??= [];
        if (windowEndUtc <= windowStartUtc) return null;
        bool? up = null;
        var cursor = windowStartUtc;
        long upTicks = 0, knownTicks = 0;
        for (var i = 0; i < attempts.Count; i++)
        {
            var attempt = attempts[i];
            if (i > 0 && attempt.AtUtc < attempts[i - 1].AtUtc)
            {
                throw new ArgumentException($"Attempts must be ordered by time; #{i} is earlier than #{i - 1}.", nameof(attempts));
            }
            if (attempt.AtUtc >= windowEndUtc) break;
            if (attempt.AtUtc > windowStartUtc)
            {
                Count(attempt.AtUtc);
                cursor = attempt.AtUtc;
            }
            up = attempt.Succeeded;
        }
        Count(windowEndUtc);
        return knownTicks == 0 ? null : (double)upTicks / knownTicks;

        void Count(DateTime until)
        {
            if (up is null) return;
            var ticks = (until - cursor).Ticks - ExcludedTicks(excluded, cursor, until);
            knownTicks += ticks;
            if (up.Value) upTicks += ticks;
        }
    }

    /// <summary><see cref="Compute"/> over the 24 hours, 7 days and 30 days up to <paramref name="nowUtc"/>.</summary>
    public static UptimeSummary Summarize(
        IReadOnlyList<AttemptPoint> attempts, DateTime nowUtc, IReadOnlyList<TimeRange>? excluded = null) => new(
        Compute(attempts, nowUtc.AddHours(-24), nowUtc, excluded),
        Compute(attempts, nowUtc.AddDays(-7), nowUtc, excluded),
        Compute(attempts, nowUtc.AddDays(-30), nowUtc, excluded));

    /// <summary>How much of [from, until) the ranges cover, overlapping ranges counted once.</summary>
    private static long ExcludedTicks(IReadOnlyList<TimeRange> excluded, DateTime from, DateTime until)
    {
        if (excluded.Count == 0 || until <= from) return 0;
        long ticks = 0;
        var covered = from;
        foreach (var range in excluded.Where(r => r.EndUtc > from && r.StartUtc < until).OrderBy(r => r.StartUtc))
        {
            var start = range.StartUtc > covered ? range.StartUtc : covered;
            var end = range.EndUtc < until ? range.EndUtc : until;
            if (end <= start) continue;
            ticks += (end - start).Ticks;
            covered = end;
        }
        return ticks;
    }
}
