using System.Text.Json.Serialization;

namespace SyncDashboard.Todoist.Wire;

/// <summary>The body of <c>POST /api/v1/sync</c>. Every key is optional: an incremental sync with no changes may omit
/// arrays or send them empty, so a null one is left out when written, not sent as null.</summary>
public sealed record SyncResponse
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SyncToken { get; init; }

    public bool FullSync { get; init; }

    /// <summary>Full syncs only: when the snapshot was taken.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? FullSyncDateUtc { get; init; }

    /// <summary>The result of each command the request carried, by the command's <c>uuid</c>: <c>"ok"</c> or an
    /// error object shaped as Todoist's error bodies. Only when commands were sent.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, object>? SyncStatus { get; init; }

    /// <summary>The real id of each object a command created under a <c>temp_id</c>. Only when commands were sent.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? TempIdMapping { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WireItem>? Items { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WireProject>? Projects { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WireSection>? Sections { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WireLabel>? Labels { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WireNote>? Notes { get; init; }

    [JsonIgnore]
    public int ObjectCount =>
        (Items?.Count ?? 0) + (Projects?.Count ?? 0) + (Sections?.Count ?? 0) + (Labels?.Count ?? 0) + (Notes?.Count ?? 0);
}
