namespace SyncDashboard.Data;

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
