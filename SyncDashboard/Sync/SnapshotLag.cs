namespace SyncDashboard.Sync;

/// <summary>Whether a full sync's snapshot is older than the moment it was asked for (Todoist's
/// <c>full_sync_date_utc</c>), so that changes made in between need an incremental sync at once.</summary>
public static class SnapshotLag
{
    /// <summary>Clocks differ a little between Todoist and us; only a clearly older snapshot counts as lagging.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(5);

    public static bool NeedsFollowUp(DateTime? snapshotUtc, DateTime askedAtUtc) =>
        snapshotUtc is { } snapshot && snapshot < askedAtUtc - Tolerance;
}
