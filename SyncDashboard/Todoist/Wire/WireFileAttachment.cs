namespace SyncDashboard.Todoist.Wire;

/// <summary>A comment's attachment; Todoist sends more fields for images and links, which the app does not read.</summary>
public sealed record WireFileAttachment
{
    public string? FileName { get; init; }
    public string? FileType { get; init; }
    public string? FileUrl { get; init; }
    public string? ResourceType { get; init; }
}
