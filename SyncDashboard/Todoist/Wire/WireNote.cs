namespace SyncDashboard.Todoist.Wire;

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
