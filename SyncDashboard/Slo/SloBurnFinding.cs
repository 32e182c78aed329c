namespace SyncDashboard.Slo;

/// <summary>A burn-rate rule that fires for one objective: its budget burns at least <paramref name="Threshold"/>
/// times the sustainable pace over both windows. Plain values, for <c>HealthEvaluator</c> to raise as an alert.</summary>
public sealed record SloBurnFinding(
    string Objective,
    SloKind Kind,
    BurnSeverity Severity,
    double Threshold,
    TimeSpan LongWindow,
    double LongRate,
    TimeSpan ShortWindow,
    double ShortRate);
