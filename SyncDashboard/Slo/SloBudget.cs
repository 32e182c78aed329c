namespace SyncDashboard.Slo;

/// <summary>The error budget of an objective's window, in attempts (success) or minutes (freshness): what the target
/// allows to be bad, what was bad, and the difference (negative once the objective is missed).</summary>
public sealed record SloBudget(double Allowed, double Spent, double Remaining)
{
    /// <summary>The share of the allowed budget still left; null when nothing is allowed (nothing was measured).</summary>
    public double? RemainingShare => Allowed > 0 ? Remaining / Allowed : null;
}
