namespace SyncDashboard.Data;

public sealed class TodoistLabel : IMirrorRow
{
    public required string Id { get; set; }
    public string Name { get; set; } = "";
    public string? Color { get; set; }
    public bool IsFavorite { get; set; }
    public int? ItemOrder { get; set; }
    public DateTime SyncedAtUtc { get; set; }
}
