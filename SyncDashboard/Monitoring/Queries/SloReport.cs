namespace SyncDashboard.Monitoring.Queries;

/// <summary>Every objective in effect, measured at <paramref name="NowUtc"/>, and the burn-rate rules alerting on them.</summary>
public sealed record SloReport(DateTime NowUtc, IReadOnlyList<SloSummary> Objectives, IReadOnlyList<BurnRuleRow> Rules);
