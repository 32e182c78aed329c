namespace SyncDashboard.Monitoring.Queries;

public sealed record ErrorReport(int OpenChains, IReadOnlyList<ErrorKindSummary> ByKind, IReadOnlyList<ErrorChainRow> Chains);
