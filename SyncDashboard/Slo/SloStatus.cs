namespace SyncDashboard.Slo;

/// <summary>One objective measured now: attainment over its window, the budget, and the burn rates.</summary>
public sealed record SloStatus(
    SloObjective Objective,
    DateTime NowUtc,
    SloTally Window,
    SloBudget Budget,
    IReadOnlyList<BurnRateValue> BurnRates)
{
    public double? Attainment => Window.Attainment;

    /// <summary>Null until something was measured: no attempts yet is not a missed objective.</summary>
    public bool? Met => Attainment is { } attained ? attained >= Objective.Target - SloCalculator.Tolerance : null;

    public string Unit => Objective.Kind == SloKind.Success ? "attempts" : "minutes";

    public double? BurnRate(TimeSpan window) => BurnRates.FirstOrDefault(b => b.Window == window)?.Rate;
}
