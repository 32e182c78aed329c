namespace SyncDashboard.Data;

/// <summary>How a mirrored object differs from Todoist's snapshot.</summary>
public enum DriftKind
{
    /// <summary>In Todoist, not in the mirror.</summary>
    Missing,
    /// <summary>In the mirror, gone from Todoist without a deletion ever reaching the mirror.</summary>
    Extra,
    /// <summary>The same id on both sides with different content in the mirrored fields.</summary>
    Changed,
}
