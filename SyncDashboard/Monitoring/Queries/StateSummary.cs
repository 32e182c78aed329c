namespace SyncDashboard.Monitoring.Queries;

/// <summary>The sync state as the dashboard and <c>GET /api/monitoring/state</c> show it.</summary>
public sealed record StateSummary(
    string Service,
    bool HasRun,
    DateTime? LastSuccessfulSyncAt,
    DateTime? LastFailedSyncAt,
    DateTime? LastFullSyncAt,
    DateTime? LastIncrementalSyncAt,
    int ConsecutiveFailures,
    bool IsHealthy,
    bool IsPaused,
    DateTime? RateLimitedUntil,
    bool IsSyncing,
    bool HasSyncToken,
    MirrorCounts Mirror);
