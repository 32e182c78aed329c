namespace SyncDashboard.Todoist.Wire;

// Field names follow shared/todoist-api.md; TodoistJson maps them to snake_case. Unknown fields are ignored on read.

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
    public IReadOnlyList<string>? Labels { get; init; }
    public WireDeadline? Deadline { get; init; }
    public WireDuration? Duration { get; init; }
    public bool Checked { get; init; }
    public bool IsDeleted { get; init; }
    public DateTime? AddedAt { get; init; }
    public DateTime? CompletedAt { get; init; }
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

public sealed record WireDue
{
    public bool IsRecurring { get; init; }
    public string? String { get; init; }
    public string? Date { get; init; }
    public string? Datetime { get; init; }
    public string? Timezone { get; init; }
    public string? Lang { get; init; }
}

public sealed record WireDeadline
{
    public string? Date { get; init; }
    public string? Lang { get; init; }
}

public sealed record WireDuration
{
    public int Amount { get; init; }
    public string Unit { get; init; } = "minute";
}

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

public sealed record WireSection
{
    public required string Id { get; init; }
    public string? UserId { get; init; }
    public string? ProjectId { get; init; }
    public DateTime? AddedAt { get; init; }
    public DateTime? UpdatedAt { get; init; }
    public DateTime? ArchivedAt { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public int SectionOrder { get; init; }
    public bool IsArchived { get; init; }
    public bool IsDeleted { get; init; }
    public bool IsCollapsed { get; init; }
}

public sealed record WireLabel
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    public string? Color { get; init; }
    public bool IsFavorite { get; init; }
    public int? Order { get; init; }
    public bool IsDeleted { get; init; }
}

public sealed record WireNote
{
    public required string Id { get; init; }
    public string? ItemId { get; init; }
    public string Content { get; init; } = "";
    public DateTime? PostedAt { get; init; }
    public string? PostedUid { get; init; }
    public WireFileAttachment? FileAttachment { get; init; }
    public bool IsDeleted { get; init; }
}

public sealed record WireFileAttachment
{
    public string? FileName { get; init; }
    public string? FileType { get; init; }
    public string? FileUrl { get; init; }
    public string? ResourceType { get; init; }
}
