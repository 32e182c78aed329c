using SyncDashboard.Slo;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>One objective now (a freshness threshold as resolved, null when there is no schedule to derive it from): good and bad over its window in <paramref name="Unit"/> (attempts or minutes), the
/// attainment (null before anything was measured), the error budget, the burn rates, and the most severe burn-rate
/// rule firing for it (null when none).</summary>
public sealed record SloSummary(
    string Name,
    SloKind Kind,
    double Target,
    int WindowDays,
    double? FreshnessThresholdMinutes,
    string Unit,
    double Good,
    double Bad,
    double? Attainment,
    bool? Met,
    double BudgetAllowed,
    double BudgetSpent,
    double BudgetRemaining,
    double? BudgetRemainingShare,
    IReadOnlyList<BurnRateRow> BurnRates,
    BurnSeverity? Firing);
