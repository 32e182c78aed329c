namespace SyncDashboard.Slo;

/// <summary>What an objective measures.</summary>
public enum SloKind
{
    /// <summary>The share of finished sync attempts that succeeded; the budget is counted in attempts.</summary>
    Success,
    /// <summary>The share of time the mirror is no older than a threshold; the budget is counted in minutes.</summary>
    Freshness,
}
