using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SyncDashboard.Access;

/// <summary>OpenID Connect (authorization code + PKCE). The identity provider decides who someone is; the role
/// claim named in <c>Access:Oidc:RoleClaim</c> decides what they may do. The cookie keeps only name, role and
/// source: no tokens are saved.</summary>
public sealed class OidcSignIn(IOptions<AccessOptions> access, TimeProvider time)
    : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name != OpenIdConnectDefaults.AuthenticationScheme) return;
        var oidc = access.Value.Oidc;
        options.Authority = oidc.Authority;
        options.ClientId = oidc.ClientId;
        options.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.SaveTokens = false;
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.CallbackPath = "/signin-oidc";
        options.SignedOutCallbackPath = "/signout-callback-oidc";
        options.Events.OnTokenValidated = context =>
        {
            var claims = context.Principal!;
            var roles = claims.FindAll(oidc.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            AccessRole? role = roles.Contains(oidc.OperatorRole) ? AccessRole.Operator
                : roles.Contains(oidc.ViewerRole) ? AccessRole.Viewer
                : null;
            var userName = new[] { "name", "preferred_username", "email", "sub" }
                .Select(type => claims.FindFirst(type)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
                ?? "unknown";
            context.Principal = AccessClaims.Principal(userName, role, AccessClaims.OidcSource, stamp: null,
                AccessClaims.NewSessionId(), time.GetUtcNow(), CookieAuthenticationDefaults.AuthenticationScheme);
            return Task.CompletedTask;
        };
    }
}
