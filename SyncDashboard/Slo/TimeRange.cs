namespace SyncDashboard.Slo;

/// <summary>A span of time, from <paramref name="StartUtc"/> (included) to <paramref name="EndUtc"/> (excluded).</summary>
public sealed record TimeRange(DateTime StartUtc, DateTime EndUtc)
{
    public TimeSpan Duration => EndUtc > StartUtc ? EndUtc - StartUtc : TimeSpan.Zero;

    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;
}
