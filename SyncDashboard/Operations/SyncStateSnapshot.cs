using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Operations;

/// <summary>The stored state of the sync as the operational gauges report it.</summary>
public sealed record SyncStateSnapshot(
    HealthStatus Health,
    double? LastSuccessAgeSeconds,
    int ConsecutiveFailures,
    int OpenFailureChains,
    MirrorCounts Mirror);
