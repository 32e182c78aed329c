using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncDashboard.Todoist.Wire;

/// <summary>The one JSON shape Todoist speaks: snake_case names, nulls left out, unknown fields ignored, timestamps
/// in Todoist's six-digit UTC form.</summary>
public static class TodoistJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        Converters = { new TodoistTimestampConverter() },
    };
}
