using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncDashboard.Access;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;

namespace SyncDashboard.Tests.Access;

/// <summary>OpenID Connect up to the identity provider's door: a local fake serves only the discovery document, so
/// the challenge (authorization code + PKCE to the provider's authorize endpoint) and the role mapping are real; the
/// code exchange itself needs a real provider and is not tested here.</summary>
public sealed class OidcFacts : IAsyncLifetime
{
    private const string ClientId = "syncdashboard-test";
    private WebApplication? provider;
    private Uri authority = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        provider = builder.Build();
        provider.MapGet("/.well-known/openid-configuration", (HttpContext http) =>
        {
            var self = $"{http.Request.Scheme}://{http.Request.Host}";
            return Results.Text($$"""
                {"issuer":"{{self}}","authorization_endpoint":"{{self}}/authorize","token_endpoint":"{{self}}/token",
                 "jwks_uri":"{{self}}/jwks","end_session_endpoint":"{{self}}/logout",
                 "response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"]}
                """, "application/json");
        });
        provider.MapGet("/jwks", () => Results.Text("""{"keys":[]}""", "application/json"));
        await provider.StartAsync(Ct);
        authority = new Uri(provider.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    private TestApp OidcApp(bool withUsers) => new(Settings(withUsers)) { EnvironmentName = "Production" };

    private Dictionary<string, string?> Settings(bool withUsers)
    {
        var settings = withUsers ? UserSettings() : new Dictionary<string, string?>();
        settings["Access:Oidc:Authority"] = authority.ToString().TrimEnd('/');
        settings["Access:Oidc:ClientId"] = ClientId;
        settings["Access:Oidc:ClientSecret"] = "oidc-client-secret";
        settings["Access:Oidc:RequireHttpsMetadata"] = "false";
        settings["Access:Oidc:DisplayName"] = "Test IdP";
        return settings;
    }

    [Fact]
    public async Task SingleSignOn_RedirectsToTheProvidersAuthorizeEndpoint_WithPkce()
    {
        await using var app = OidcApp(withUsers: false);
        using var client = Client(app);

        var response = await client.GetAsync("/account/sso?returnUrl=%2Fhangfire", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal($"{authority.GetLeftPart(UriPartial.Authority)}/authorize", location.GetLeftPart(UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(ClientId, query["client_id"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Equal($"{HttpsBase.GetLeftPart(UriPartial.Authority)}/signin-oidc", query["redirect_uri"].ToString());
        Assert.DoesNotContain("oidc-client-secret", location.ToString());
    }

    [Fact]
    public async Task LoginPage_OffersSingleSignOn_AndPagesStillGoThroughIt()
    {
        await using var app = OidcApp(withUsers: false);
        using var client = Client(app);

        var home = await client.GetAsync("/", Ct);
        var login = await client.GetAsync("/login?ReturnUrl=%2F", Ct);
        var html = await login.Content.ReadAsStringAsync(Ct);

        Assert.Equal("/login?ReturnUrl=%2F", home.Headers.Location?.PathAndQuery);
        Assert.Contains("Sign in with Test IdP", html);
        Assert.DoesNotContain("data-testid=\"sign-in-form\"", html);
        // Signing out of the provider posts a form that ends at the provider: the CSP must allow it.
        Assert.Contains($"form-action 'self' {authority.GetLeftPart(UriPartial.Authority)}",
            string.Join(",", login.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData("SyncDashboard.Operator", AccessRole.Operator)]
    [InlineData("SyncDashboard.Viewer", AccessRole.Viewer)]
    [InlineData("Someone.Else", null)]
    public async Task TokenValidated_MapsTheRoleClaim_ToARole(string roleValue, AccessRole? expected)
    {
        await using var app = OidcApp(withUsers: true);
        await app.StartAsync();
        var options = app.Get<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var fromProvider = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "42"), new Claim("name", "Ada"), new Claim("roles", roleValue)], "oidc"));
        var http = new DefaultHttpContext { RequestServices = app.Services };
        var scheme = new AuthenticationScheme(OpenIdConnectDefaults.AuthenticationScheme, null, typeof(OpenIdConnectHandler));
        var context = new TokenValidatedContext(http, scheme, options, fromProvider, new AuthenticationProperties());

        await options.Events.TokenValidated(context);

        Assert.Equal("Ada", context.Principal!.Identity!.Name);
        Assert.Equal(expected, AccessClaims.RoleOf(context.Principal));
        Assert.Null(context.Principal.FindFirst("sub"));
    }

    public async ValueTask DisposeAsync()
    {
        if (provider is not null) await provider.DisposeAsync();
    }
}
