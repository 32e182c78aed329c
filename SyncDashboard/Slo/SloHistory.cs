namespace SyncDashboard.Slo;

/// <summary>What <see cref="SloCalculator"/> measures, as plain values.</summary>
/// <param name="Attempts">Every counted attempt that ended in the span to measure, and the last success that ended
/// before it (freshness needs to know how old the mirror was when the span began); any order, more is harmless.</param>
/// <param name="HistoryStartUtc">When the first counted attempt ever ended; time before it is not measured (the
/// service was not set up yet). Null: no attempt ever, nothing to measure.</param>
public sealed record SloHistory(IReadOnlyList<SloAttempt> Attempts, DateTime? HistoryStartUtc)
{
    public static SloHistory Empty { get; } = new([], null);
}
