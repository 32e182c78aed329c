using SyncDashboard.Slo;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>How one objective's error budget was spent over its window: the budget left at evenly spaced moments from
/// the window's start to now (<paramref name="BurnDown"/>, the last point is what remains now), and what spent it,
/// largest first (at most <see cref="SloQueries.MaxSpentItems"/>).</summary>
public sealed record SloSpent(
    string Name,
    string Unit,
    double BudgetAllowed,
    IReadOnlyList<SloBudgetPoint> BurnDown,
    IReadOnlyList<SloSpentItem> Spent);
