namespace SyncDashboard.Todoist.Wire;

/// <summary>A section (<c>sections[]</c>) as Todoist API v1 sends it.</summary>
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
