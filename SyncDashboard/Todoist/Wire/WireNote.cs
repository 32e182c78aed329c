namespace SyncDashboard.Todoist.Wire;

/// <summary>A task comment (<c>notes[]</c>) as Todoist API v1 sends it.</summary>
public sealed record WireNote
{
    public required string Id { get; init; }
    public string? ItemId { get; init; }
    public string Content { get; init; } = "";
    public DateTime? PostedAt { get; init; }
    public string? PostedUid { get; init; }
    public WireFileAttachment? FileAttachment { get; init; }
    public IReadOnlyList<string>? UidsToNotify { get; init; }
    /// <summary>Emoji to the ids of the users who reacted with it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Reactions { get; init; }
    public bool IsDeleted { get; init; }
}
