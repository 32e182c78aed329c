using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncDashboard.Todoist.Wire;

/// <summary>The one JSON shape Todoist speaks: snake_case names, unknown fields ignored, timestamps in Todoist's
/// six-digit UTC form, and nulls written out. Todoist sends every key of an object, a null one too, and its own SDK
/// refuses an object that lacks one (<c>parentId: expected string, received undefined</c>); the keys that Todoist does
/// leave out when there is nothing to say (the arrays not asked for, <c>full_sync_date_utc</c> of an incremental sync)
/// say so on their own property. Reading accepts a null key and a missing one alike.</summary>
public static class TodoistJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        Converters = { new TodoistTimestampConverter() },
    };
}
