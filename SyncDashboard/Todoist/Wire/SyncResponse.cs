using System.Text.Json.Serialization;

namespace SyncDashboard.Todoist.Wire;

/// <summary>The body of <c>POST /api/v1/sync</c>. Every key is optional: an incremental sync with no changes may omit
/// arrays or send them empty.</summary>
public sealed record SyncResponse
{
    public string? SyncToken { get; init; }
    public bool FullSync { get; init; }
    public DateTime? FullSyncDateUtc { get; init; }
    public IReadOnlyList<WireItem>? Items { get; init; }
    public IReadOnlyList<WireProject>? Projects { get; init; }
    public IReadOnlyList<WireSection>? Sections { get; init; }
    public IReadOnlyList<WireLabel>? Labels { get; init; }
    public IReadOnlyList<WireNote>? Notes { get; init; }

    [JsonIgnore]
    public int ObjectCount =>
        (Items?.Count ?? 0) + (Projects?.Count ?? 0) + (Sections?.Count ?? 0) + (Labels?.Count ?? 0) + (Notes?.Count ?? 0);
}
