namespace SyncDashboard.Data;

/// <summary>One row per synced service: where the last sync left off, how it is doing, and who holds the lease.</summary>
public sealed class SyncState
{
    public required string Service { get; set; }
    public string? LastSyncToken { get; set; }
    public DateTime? LastFullSyncUtc { get; set; }
    public DateTime? LastIncrementalSyncUtc { get; set; }
    public DateTime? LastSuccessfulSyncUtc { get; set; }
    public DateTime? LastFailedSyncUtc { get; set; }
    /// <summary>Todoist's <c>full_sync_date_utc</c> of the last full sync: when its snapshot was generated.</summary>
    public DateTime? LastSnapshotUtc { get; set; }
    public int ConsecutiveFailures { get; set; }
    public bool IsHealthy { get; set; } = true;
    public DateTime? HealthCheckedUtc { get; set; }
    public DateTime? RateLimitedUntilUtc { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresUtc { get; set; }
    public bool IsPaused { get; set; }
    /// <summary>When the webhook sync armed by the first delivery of a burst is due; null when none is pending. The
    /// debounce lives here, not in memory, so a burst spread over several nodes still becomes one sync.</summary>
    public DateTime? WebhookSyncDueUtc { get; set; }
}
