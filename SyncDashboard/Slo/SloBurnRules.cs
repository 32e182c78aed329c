namespace SyncDashboard.Slo;

/// <summary>The multi-window, multi-burn-rate rule: a rule fires while both its windows burn at or above its rate.
/// The long window says the burn is large enough to matter, the short one that it is still going on, so the alert
/// recovers within the short window once the burn stops rather than after the long one.</summary>
public static class SloBurnRules
{
    /// <summary>The windows <paramref name="rules"/> need burn rates for.</summary>
    public static IEnumerable<TimeSpan> Windows(IEnumerable<BurnRateRule> rules) =>
        rules.SelectMany(r => new[] { r.LongWindow, r.ShortWindow });

    /// <summary>The most severe firing rule of the objective (the highest rate among equals), or null. A window
    /// without a burn rate (nothing measured) never fires, nor does a success objective's rule whose long window
    /// holds fewer than <paramref name="minAttempts"/> attempts.</summary>
    public static SloBurnFinding? Find(SloStatus status, IEnumerable<BurnRateRule> rules, int minAttempts = 1) =>
        Find(status.Objective, status.BurnRates, rules, minAttempts);

    /// <summary>As above, from the burn rates alone (<see cref="SloCalculator.BurnRates"/>): alerting needs only the
    /// rules' windows, not the objective's whole window.</summary>
    public static SloBurnFinding? Find(
        SloObjective objective, IReadOnlyList<BurnRateValue> rates, IEnumerable<BurnRateRule> rules, int minAttempts = 1)
    {
        BurnRateValue? At(TimeSpan window) => rates.FirstOrDefault(b => b.Window == window);
        double? Rate(TimeSpan window) => At(window)?.Rate;
        var firing = rules
            .Where(rule => objective.Kind != SloKind.Success || (At(rule.LongWindow)?.Tally.Total ?? 0) >= minAttempts)
            .Select(rule => (rule, Long: Rate(rule.LongWindow), Short: Rate(rule.ShortWindow)))
            .Where(r => Fires(r.Long, r.rule.BurnRate) && Fires(r.Short, r.rule.BurnRate))
            .OrderByDescending(r => r.rule.Severity).ThenByDescending(r => r.rule.BurnRate)
            .FirstOrDefault();
        if (firing.rule is null) return null;
        return new SloBurnFinding(objective.Name, objective.Kind, firing.rule.Severity,
            firing.rule.BurnRate, firing.rule.LongWindow, firing.Long!.Value, firing.rule.ShortWindow, firing.Short!.Value);
    }

    private static bool Fires(double? rate, double threshold) =>
        rate is { } r && r >= threshold * (1 - SloCalculator.Tolerance);

}
