using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Access;

/// <summary>One entry of <c>Access:Users</c>: a local user who signs in with a name and password.</summary>
public sealed class ConfiguredUser
{
    [Required]
    public string Name { get; set; } = "";

    /// <summary>An ASP.NET Core Identity password hash (<c>dotnet run --project SyncDashboard -- hash-password</c>).</summary>
    [Required]
    public string PasswordHash { get; set; } = "";

    /// <summary><c>Viewer</c> or <c>Operator</c>. Text, parsed by the validator, so a typo stops start-up naming the key.</summary>
    public string Role { get; set; } = "";

    public AccessRole? ParsedRole =>
        Enum.TryParse<AccessRole>(Role, ignoreCase: true, out var role) && Enum.IsDefined(role)
        && !int.TryParse(Role, out _) ? role : null;
}
