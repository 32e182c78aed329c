namespace SyncDashboard.Todoist.Wire;

/// <summary>A project (<c>projects[]</c>) as Todoist API v1 sends it (a personal project: workspace projects add fields
/// the app does not read).</summary>
public sealed record WireProject
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    public string? Color { get; init; }
    public string? ParentId { get; init; }
    public int ChildOrder { get; init; }
    public bool IsArchived { get; init; }
    public bool IsDeleted { get; init; }
    public bool IsFavorite { get; init; }
    public bool IsFrozen { get; init; }
    public bool IsShared { get; init; }
    public bool IsCollapsed { get; init; }
    public bool InboxProject { get; init; }
    public bool CanAssignTasks { get; init; }
    public string? ViewStyle { get; init; }
    public string? Description { get; init; }
    public DateTime? CreatedAt { get; init; }
    public DateTime? UpdatedAt { get; init; }
    public int DefaultOrder { get; init; }
}
