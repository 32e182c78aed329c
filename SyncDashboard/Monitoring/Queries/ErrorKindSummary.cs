using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

public sealed record ErrorKindSummary(FailureKind Kind, int Chains, int Open);
