using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>The <c>ApiKey</c> scheme: <c>Authorization: Bearer &lt;key&gt;</c> on <c>/api</c>, <c>/openapi</c> and
/// <c>/metrics</c>,
/// checked against <c>Access:ApiKeys</c> on every request (so a removed entry is refused at once once the configuration
/// is reloaded). A request with such a header never uses the cookie, so it carries no ambient credential a foreign
/// page could borrow; a bad key is a 401.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logs, UrlEncoder encoder,
    IOptionsMonitor<AccessOptions> access)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logs, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string Bearer = "Bearer";

    /// <summary>The paths that accept keys: the API, its document, and Prometheus's scrape endpoint (a scraper is
    /// automation too, and has no way to sign in).</summary>
    private static readonly string[] KeyPaths = ["/api", "/openapi", "/metrics"];

    /// <summary>Whether the request authenticates with a key: a bearer header on a path that accepts keys.</summary>
    public static bool IsBearer(HttpRequest request)
    {
        if (!KeyPaths.Any(path => request.Path.StartsWithSegments(path))) return false;
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            && (header.Length == Bearer.Length || header[Bearer.Length] == ' ');
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!IsBearer(Request)) return Task.FromResult(AuthenticateResult.NoResult());
        var key = Request.Headers.Authorization.ToString()[Bearer.Length..].Trim();
        if (ApiKeys.Find(access.CurrentValue.ApiKeys, key) is not { ParsedRole: { } role } entry)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key"));
        }
        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, $"{entry.Name.Trim()} (API key)"));
        identity.AddClaim(new Claim(ClaimTypes.Role, role.ToString()));
        identity.AddClaim(new Claim(AccessClaims.Source, AccessClaims.ApiKeySource));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
