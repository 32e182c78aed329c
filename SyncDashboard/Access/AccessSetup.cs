using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncDashboard.Configuration;
using SyncDashboard.Data;

namespace SyncDashboard.Access;

/// <summary>Sign-in and authorization for pages, the API and <c>/hangfire</c>. With users or OpenID Connect
/// configured, every endpoint needs <see cref="AccessPolicies.View"/> unless it says otherwise (the login page, static
/// assets, the signed webhook), and actions need <see cref="AccessPolicies.Operate"/>. With neither, Development is
/// open (everyone an operator) and any other environment refuses to start.</summary>
public static class AccessSetup
{
    public const string LoginPath = "/login";

    /// <summary>The default scheme: picks the cookie or <see cref="ApiKeyAuthentication"/> per request.</summary>
    public const string Scheme = "SyncDashboard";

    public static IHostApplicationBuilder AddAccess(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<AccessOptions>(AccessOptions.Section);
        services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ConfiguredUsers>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<RefusalWarnings>();
        services.AddSingleton<SessionRevocations>();
        services.AddSingleton<CircuitConnections>();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, SignInRateLimit>(SignInRateLimit.Policy));
        services.AddSingleton<IAuthorizationHandler, AccessRequirementHandler>();

        var view = new AuthorizationPolicyBuilder().AddRequirements(new AccessRequirement(AccessRole.Viewer)).Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.View, view)
            .AddPolicy(AccessPolicies.Operate, p => p.AddRequirements(new AccessRequirement(AccessRole.Operator)))
            // Anything that names no policy (pages, the Blazor hub, GET routes, /openapi) needs View.
            .SetFallbackPolicy(view);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAccessState>();

        // The cookie for people, an API key for automation; a request with a bearer header on /api never uses the
        // cookie, so it carries nothing a foreign page could borrow.
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, displayName: null, o => o.ForwardDefaultSelector = http =>
                ApiKeyAuthentication.IsBearer(http.Request)
                    ? ApiKeyAuthentication.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>, SignInCookie>();
        services.AddSingleton<IPostConfigureOptions<AntiforgeryOptions>, SecureAntiforgeryCookie>();
        AddOidcWhenConfigured(services);

        // The cookie is encrypted with these keys: kept on disk, a restart does not sign everyone out.
        services.AddDataProtection().SetApplicationName("SyncDashboard");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<AccessOptions>, IOptions<DatabaseOptions>, IHostEnvironment, ILoggerFactory>(
                (keys, access, database, environment, logs) => keys.XmlRepository = new FileSystemXmlRepository(
                    PrivateFolder(KeysFolder(access.Value, database.Value, environment.ContentRootPath)), logs));
        return builder;
    }

    /// <summary>What <c>AddOpenIdConnect()</c> registers, except that the scheme itself is added only when
    /// <c>Access:Oidc:Authority</c> is set, decided when options are first read (not while services are being
    /// registered, when configuration added by a test host or a later provider may not be visible yet). An
    /// unconfigured OpenID Connect scheme would fail every request: the middleware asks remote schemes about each
    /// request's path.</summary>
    private static void AddOidcWhenConfigured(IServiceCollection services)
    {
        services.TryAddSingleton(HtmlEncoder.Default);
        services.TryAddSingleton(UrlEncoder.Default);
        services.TryAddEnumerable(ServiceDescriptor
            .Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, OidcSignIn>();
        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Validate(o => { o.Validate(OpenIdConnectDefaults.AuthenticationScheme); return true; });
        services.AddOptions<AuthenticationOptions>().Configure<IOptions<AccessOptions>>((authentication, access) =>
        {
            if (access.Value.Oidc.IsConfigured)
            {
                authentication.AddScheme<OpenIdConnectHandler>(OpenIdConnectDefaults.AuthenticationScheme,
                    access.Value.Oidc.DisplayName);
            }
        });
    }

    /// <summary>Linux has no DPAPI to encrypt the keys at rest, so the folder's permissions are their protection:
    /// the key files are written 600 by the repository, and the folder is made 700 here.</summary>
    private static DirectoryInfo PrivateFolder(string path) => OperatingSystem.IsWindows()
        ? Directory.CreateDirectory(path)
        : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    public static string KeysFolder(AccessOptions access, DatabaseOptions database, string contentRoot) =>
        string.IsNullOrWhiteSpace(access.KeysFolder)
            ? Path.Combine(Path.GetFullPath(database.DataFolder, contentRoot), "keys")
            : Path.GetFullPath(access.KeysFolder, contentRoot);

    public static WebApplication UseAccess(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseCrossOriginGuard();
        app.Use((http, next) =>
            http.Request.Path.StartsWithSegments(CircuitConnections.HubPath) && AccessClaims.SessionOf(http.User) is { } session
                ? http.RequestServices.GetRequiredService<CircuitConnections>().TrackAsync(http, session, next)
                : next(http));
        app.UseAuthorization();
        // Before UseAntiforgery (in the composition): a plain-http sign-in is refused as a failed one, not a 500.
        app.UseHttpsOnlySignIn();
        app.MapSignIn();
        return app;
    }
}
