namespace SyncDashboard.Todoist.Wire;

/// <summary>A task (<c>items[]</c>) as Todoist API v1 sends it; <see cref="TodoistJson"/> maps the names to snake_case
/// and ignores unknown fields on read.</summary>
public sealed record WireItem
{
    public required string Id { get; init; }
    public string? UserId { get; init; }
    public string? ProjectId { get; init; }
    public string? SectionId { get; init; }
    public string? ParentId { get; init; }
    public string? AddedByUid { get; init; }
    public string? AssignedByUid { get; init; }
    public string? ResponsibleUid { get; init; }
    /// <summary>Label names, not ids.</summary>
    public IReadOnlyList<string>? Labels { get; init; } = [];
    public WireDeadline? Deadline { get; init; }
    public WireDuration? Duration { get; init; }
    public bool Checked { get; init; }
    public bool IsDeleted { get; init; }
    public DateTime? AddedAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public string? CompletedByUid { get; init; }
    public DateTime? UpdatedAt { get; init; }
    public WireDue? Due { get; init; }
    public int Priority { get; init; } = 1;
    public int ChildOrder { get; init; }
    public string Content { get; init; } = "";
    public string Description { get; init; } = "";
    public int DayOrder { get; init; }
    public bool IsCollapsed { get; init; }
    public int NoteCount { get; init; }
}
