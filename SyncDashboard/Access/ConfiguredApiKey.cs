using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Access;

/// <summary>One entry of <c>Access:ApiKeys</c>: a key for automation, sent as <c>Authorization: Bearer &lt;key&gt;</c>
/// to <c>/api</c> and <c>/openapi</c>. Only its SHA-256 is configured; removing the entry revokes the key.</summary>
public sealed class ConfiguredApiKey
{
    /// <summary>Who uses the key (a CI job, a monitoring script): the name actions are audited under.</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>The key's SHA-256, 64 hex digits, as <c>new-api-key</c> prints it. A key is 256 random bits, so a
    /// fast hash is enough: there is no password to guess.</summary>
    [Required]
    public string Hash { get; set; } = "";

    /// <summary><c>Viewer</c> (reads) or <c>Operator</c> (also acts).</summary>
    public string Role { get; set; } = "";

    public AccessRole? ParsedRole =>
        Enum.TryParse<AccessRole>(Role, ignoreCase: true, out var role) && Enum.IsDefined(role)
        && !int.TryParse(Role, out _) ? role : null;
}
