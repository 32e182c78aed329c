namespace SyncDashboard.Data;

public sealed class TodoistProject : IMirrorRow
{
    public required string Id { get; set; }
    public string Name { get; set; } = "";
    public string? Color { get; set; }
    public string? ParentId { get; set; }
    public int ChildOrder { get; set; }
    public bool IsArchived { get; set; }
    public bool IsFavorite { get; set; }
    public bool IsShared { get; set; }
    public bool IsCollapsed { get; set; }
    public bool InboxProject { get; set; }
    public string? ViewStyle { get; set; }
    public string? Description { get; set; }
    public DateTime? CreatedAtUtc { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
    public DateTime SyncedAtUtc { get; set; }
}
