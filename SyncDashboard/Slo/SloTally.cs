namespace SyncDashboard.Slo;

/// <summary>Good and bad over one span, in the objective's unit: attempts (success) or minutes (freshness).</summary>
public sealed record SloTally(double Good, double Bad)
{
    public double Total => Good + Bad;

    /// <summary>Good ÷ total; null when nothing was measured.</summary>
    public double? Attainment => Total > 0 ? Good / Total : null;

    /// <summary>Bad ÷ total; null when nothing was measured.</summary>
    public double? BadShare => Total > 0 ? Bad / Total : null;
}
