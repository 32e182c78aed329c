using SyncDashboard.Slo;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>A burn-rate rule in effect: it fires while both windows burn at or above <paramref name="BurnRate"/>.</summary>
public sealed record BurnRuleRow(BurnSeverity Severity, double BurnRate, int LongWindowMinutes, int ShortWindowMinutes);
