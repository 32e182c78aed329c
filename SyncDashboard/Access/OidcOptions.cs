using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Access;

/// <summary><c>Access:Oidc</c>: sign-in through an OpenID Connect identity provider.</summary>
public sealed class OidcOptions
{
    /// <summary>The identity provider's issuer URL; set, it turns OpenID Connect on.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Empty for a public client (PKCE only).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The ID token claim that carries the user's roles (Entra ID, Keycloak: <c>roles</c>).</summary>
    [Required]
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The <see cref="RoleClaim"/> value that makes someone an operator.</summary>
    [Required]
    public string OperatorRole { get; set; } = "SyncDashboard.Operator";

    /// <summary>The <see cref="RoleClaim"/> value that makes someone a viewer. Without either value a person signs
    /// in and sees nothing.</summary>
    [Required]
    public string ViewerRole { get; set; } = "SyncDashboard.Viewer";

    /// <summary>What the login page's button says.</summary>
    [Required]
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>Require https for the authority's metadata (turn off only for a local test IdP).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);
}
