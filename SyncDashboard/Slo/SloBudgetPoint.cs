namespace SyncDashboard.Slo;

/// <summary>The error budget left at one moment of an objective's window (negative once it is overspent).</summary>
public sealed record SloBudgetPoint(DateTime AtUtc, double Remaining);
