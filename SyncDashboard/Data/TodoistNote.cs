namespace SyncDashboard.Data;

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
