namespace SyncDashboard.Todoist.Wire;

public sealed record WireFileAttachment
{
    public string? FileName { get; init; }
    public string? FileType { get; init; }
    public string? FileUrl { get; init; }
    public string? ResourceType { get; init; }
}
