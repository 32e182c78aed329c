namespace SyncDashboard.Todoist.Wire;

/// <summary>A personal label (<c>labels[]</c>) as Todoist API v1 sends it.</summary>
public sealed record WireLabel
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    public string? Color { get; init; }
    public bool IsFavorite { get; init; }
    public int? Order { get; init; }
    public bool IsDeleted { get; init; }
}
