namespace SyncDashboard.Monitoring.Mirror;

// The mirrored Todoist account, keyed by Todoist's opaque string ids. Rows hold what the last sync said; deleted
// objects are removed, completed tasks stay (Checked) until a full sync, which returns active objects only.

/// <summary>A mirror row: keyed by Todoist's id.</summary>
public interface IMirrorRow
{
    string Id { get; }
}

public sealed class TodoistItem : IMirrorRow
{
    public required string Id { get; set; }
    public string? UserId { get; set; }
    public string? ProjectId { get; set; }
    public string? SectionId { get; set; }
    public string? ParentId { get; set; }
    public string Content { get; set; } = "";
    public string Description { get; set; } = "";
    public int Priority { get; set; }
    public bool Checked { get; set; }
    public int ChildOrder { get; set; }
    public int DayOrder { get; set; }
    public bool IsCollapsed { get; set; }
    public int NoteCount { get; set; }
    /// <summary>Label names, comma-separated (Todoist forbids commas in label names).</summary>
    public string Labels { get; set; } = "";
    public string? DueDate { get; set; }
    public string? DueString { get; set; }
    public bool DueIsRecurring { get; set; }
    public string? DueTimezone { get; set; }
    public string? DeadlineDate { get; set; }
    public int? DurationAmount { get; set; }
    public string? DurationUnit { get; set; }
    public string? ResponsibleUid { get; set; }
    public string? AddedByUid { get; set; }
    public string? AssignedByUid { get; set; }
    public DateTime? AddedAtUtc { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
    public DateTime? CompletedAtUtc { get; set; }
    public DateTime SyncedAtUtc { get; set; }
}

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

public sealed class TodoistSection : IMirrorRow
{
    public required string Id { get; set; }
    public string? UserId { get; set; }
    public string? ProjectId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int SectionOrder { get; set; }
    public bool IsArchived { get; set; }
    public bool IsCollapsed { get; set; }
    public DateTime? AddedAtUtc { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
    public DateTime? ArchivedAtUtc { get; set; }
    public DateTime SyncedAtUtc { get; set; }
}

public sealed class TodoistLabel : IMirrorRow
{
    public required string Id { get; set; }
    public string Name { get; set; } = "";
    public string? Color { get; set; }
    public bool IsFavorite { get; set; }
    public int? ItemOrder { get; set; }
    public DateTime SyncedAtUtc { get; set; }
}

public sealed class TodoistNote : IMirrorRow
{
    public required string Id { get; set; }
    public string? ItemId { get; set; }
    public string Content { get; set; } = "";
    public DateTime? PostedAtUtc { get; set; }
    public string? PostedUid { get; set; }
    public string? FileName { get; set; }
    public string? FileUrl { get; set; }
    public DateTime SyncedAtUtc { get; set; }
}
