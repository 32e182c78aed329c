namespace SyncDashboard.Tests.Infrastructure;

/// <summary>The exact percentile the dashboard's estimates are held to, and the 2 % it promises.</summary>
public static class NearestRank
{
    /// <summary>What the dashboard promises: every percentile within 2 % of the exact nearest-rank one.</summary>
    public const double Tolerance = 0.02;

    /// <summary>The nearest-rank percentile: the smallest sample with at least a share <paramref name="p"/> of the
    /// samples at or below it (the shortest for p = 0). Computed on its own, not with the code under test.</summary>
    public static long Of(IEnumerable<long> durations, double p)
    {
        var sorted = durations.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The relative error of <paramref name="estimate"/> against <paramref name="exact"/>; 0 ms is matched
    /// only by 0 ms.</summary>
    public static double ErrorOf(double estimate, long exact) =>
        exact == 0 ? (estimate == 0 ? 0 : double.PositiveInfinity) : Math.Abs(estimate - exact) / exact;

    public static void AssertWithin(long exact, double? estimate, string what, double tolerance = Tolerance) =>
        Assert.True(estimate is { } e && ErrorOf(e, exact) <= tolerance,
            $"{what}: estimate {estimate:0.###} ms, exact {exact} ms, off by " +
            $"{(estimate is { } v ? ErrorOf(v, exact).ToString("P2") : "-")}; allowed {tolerance:P0}");
}
