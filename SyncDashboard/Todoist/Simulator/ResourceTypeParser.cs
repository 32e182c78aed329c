namespace SyncDashboard.Todoist.Simulator;

internal static class ResourceTypeParser
{
    /// <summary>Reads Todoist's <c>resource_types</c> list: names add, <c>"all"</c> adds everything, a <c>-</c> prefix
    /// removes. Exclusions apply after inclusions, so their position in the list does not matter. A missing list
    /// reads nothing, as Todoist does for a call that only sends commands. <c>NotModelled</c> lists the names asked
    /// for that the simulator does not serve (<c>user</c>, <c>reminders</c>, a misspelling, …): the caller refuses the
    /// request rather than answer as if the account had none of them. Excluding such a name asks for nothing, so it is
    /// fine.</summary>
    public static (ResourceTypes Types, IReadOnlyList<string> NotModelled) Parse(IEnumerable<string>? names)
    {
        if (names is null) return (ResourceTypes.None, []);
        var list = names.ToList();
        var asked = list.Where(n => !n.StartsWith('-')).ToList();
        var included = asked.Aggregate(ResourceTypes.None, (set, n) => set | Of(n));
        var types = list.Where(n => n.StartsWith('-')).Aggregate(included, (set, n) => set & ~Of(n[1..]));
        return (types, asked.Where(n => Of(n) == ResourceTypes.None).Distinct(StringComparer.Ordinal).ToList());
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
