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
    /// it (only changes of state matter, so a caller may pass just those).</para></summary>
    public static double? Compute(IReadOnlyList<AttemptPoint> attempts, DateTime windowStartUtc, DateTime windowEndUtc)
    {
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
            var ticks = (until - cursor).Ticks;
            knownTicks += ticks;
            if (up.Value) upTicks += ticks;
        }
    }

    /// <summary><see cref="Compute"/> over the 24 hours, 7 days and 30 days up to <paramref name="nowUtc"/>.</summary>
    public static UptimeSummary Summarize(IReadOnlyList<AttemptPoint> attempts, DateTime nowUtc) => new(
        Compute(attempts, nowUtc.AddHours(-24), nowUtc),
        Compute(attempts, nowUtc.AddDays(-7), nowUtc),
        Compute(attempts, nowUtc.AddDays(-30), nowUtc));
}
