using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Todoist;

public sealed class TodoistOptions
{
    public const string Section = "Todoist";

    /// <summary>A personal API token. Empty means demo mode: the app syncs against its own simulator.</summary>
    public string? ApiToken { get; set; }

    [Required, Url]
    public string BaseUrl { get; set; } = "https://api.todoist.com";

    /// <summary>How long one sync call may take before it counts as a timeout (Todoist itself gives up after 15 s).</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>The resource types mirrored; any of items, projects, sections, labels, notes.</summary>
    [MinLength(1)]
    public string[] ResourceTypes { get; set; } = ["items", "projects", "sections", "labels", "notes"];

    /// <summary>The app's client secret, used to verify webhook signatures. Never logged.</summary>
    public string? ClientSecret { get; set; }

    public bool IsDemoMode => string.IsNullOrWhiteSpace(ApiToken);
}
