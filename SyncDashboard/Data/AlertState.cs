namespace SyncDashboard.Data;

/// <summary>The flap control's memory, one row per service (the flap control's memory plus bookkeeping). Every
/// update is conditional on <see cref="Version"/>, so two nodes evaluating at once cannot both announce the same
/// change: the second one's update fails, and it decides again from the first one's result.</summary>
public sealed class AlertState
{
    public required string Service { get; set; }
    public HealthStatus NotifiedStatus { get; set; } = HealthStatus.Healthy;
    public int ConsecutiveBad { get; set; }
    public int ConsecutiveGood { get; set; }
    public DateTime? LastSentUtc { get; set; }
    /// <summary>The first bad evaluation of the problem now standing (announced or not yet); null while healthy.</summary>
    public DateTime? BadSinceUtc { get; set; }
    /// <summary>The first Healthy evaluation of the current healthy streak; null while bad.</summary>
    public DateTime? GoodSinceUtc { get; set; }
    /// <summary>Comma-separated alert codes.</summary>
    public string NotifiedCriticalCodes { get; set; } = "";
    public HealthStatus? LastObservedStatus { get; set; }
    public DateTime? LastEvaluatedUtc { get; set; }
    /// <summary>The newest finished sync event counted, so one run counts as one evaluation.</summary>
    public long? LastRunEventId { get; set; }
    public long Evaluations { get; set; }
    public int Version { get; set; }
}
