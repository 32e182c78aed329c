namespace SyncDashboard.Data;

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
