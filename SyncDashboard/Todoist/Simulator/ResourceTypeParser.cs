namespace SyncDashboard.Todoist.Simulator;

internal static class ResourceTypeParser
{
    /// <summary>Reads Todoist's <c>resource_types</c> list: names add, <c>"all"</c> adds everything, a <c>-</c> prefix
    /// removes. Exclusions apply after inclusions, so their position in the list does not matter. Names we do not
    /// model (<c>user</c>, <c>reminders</c>, <c>filters</c>, …) are valid for Todoist, so they are ignored rather
    /// than refused: a client asking for them must still work against the simulator. A missing list reads nothing,
    /// as Todoist does for a call that only sends commands.</summary>
    public static ResourceTypes Parse(IEnumerable<string>? names)
    {
        if (names is null) return ResourceTypes.None;
        var list = names.ToList();
        var included = list.Where(n => !n.StartsWith('-')).Aggregate(ResourceTypes.None, (set, n) => set | Of(n));
        return list.Where(n => n.StartsWith('-')).Aggregate(included, (set, n) => set & ~Of(n[1..]));
    }

    private static ResourceTypes Of(string name) => name switch
    {
        "all" => ResourceTypes.All,
        "items" => ResourceTypes.Items,
        "projects" => ResourceTypes.Projects,
        "sections" => ResourceTypes.Sections,
        "labels" => ResourceTypes.Labels,
        "notes" => ResourceTypes.Notes,
        _ => ResourceTypes.None,
    };
}
