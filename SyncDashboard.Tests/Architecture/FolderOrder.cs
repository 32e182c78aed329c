namespace SyncDashboard.Tests.Architecture;

/// <summary>The top-level folders of SyncDashboard/, bottom first: a folder may use the folders before it and none
/// after it. docs/architecture.md shows the same list and why each folder sits where it does.</summary>
public static class FolderOrder
{
    public static readonly IReadOnlyList<string> BottomFirst =
    [
        "Configuration",
        "Data",
        "Live",
        "Access",
        "Todoist",
        "Slo",
        "Maintenance",
        "Health",
        "Sync",
        "Monitoring",
        "Alerts",
        "Webhooks",
        "Api",
        "Components",
        "Operations",
        "Composition",
    ];

    /// <summary>Matches the namespaces of the given folders and of every folder below them in the tree.</summary>
    public static string NamespacePattern(IEnumerable<string> folders) =>
        $@"^SyncDashboard\.({string.Join('|', folders)})(\..+)?$";
}
