namespace SyncDashboard.Monitoring.Queries;

/// <summary>How fresh one resource type of the mirror is: its newest change as Todoist dated it (updated, or posted
/// for notes; labels carry no such date) and its newest sync, each with its age in seconds. Null when empty.</summary>
public sealed record FreshnessRow(
    string Resource,
    int Count,
    DateTime? LastChangedAt,
    double? ChangeAgeSeconds,
    DateTime? LastSyncedAt,
    double? SyncAgeSeconds);
