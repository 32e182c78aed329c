using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Todoist;

public sealed class TodoistOptions : IValidatableObject
{
    public const string Section = "Todoist";

    /// <summary>The resource types the mirror can hold, and the default of <see cref="ResourceTypes"/>.</summary>
    public static readonly IReadOnlyList<string> MirroredResourceTypes = ["items", "projects", "sections", "labels", "notes"];

    /// <summary>A personal API token. Empty means demo mode: the app syncs against its own simulator.</summary>
    public string? ApiToken { get; set; }

    [Required, Url]
    public string BaseUrl { get; set; } = "https://api.todoist.com";

    /// <summary>How long one sync call may take before it counts as a timeout (Todoist itself gives up after 15 s).</summary>
    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>The resource types mirrored; any of <see cref="MirroredResourceTypes"/>. Configured, the list replaces
    /// this default rather than adding to it (see <see cref="TodoistSetup.AddTodoistOptions"/>).</summary>
    [MinLength(1)]
    public string[] ResourceTypes { get; set; } = [.. MirroredResourceTypes];

    /// <summary>The app's client secret, used to verify webhook signatures. Never logged.</summary>
    public string? ClientSecret { get; set; }

    public bool IsDemoMode => string.IsNullOrWhiteSpace(ApiToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ResourceTypes.Where(type => !MirroredResourceTypes.Contains(type, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Select(type => new ValidationResult(
                $"'{type}' is not a resource type the app mirrors; use any of {string.Join(", ", MirroredResourceTypes)}.",
                [nameof(ResourceTypes)]));
}
