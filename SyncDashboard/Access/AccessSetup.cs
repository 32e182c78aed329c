using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using SyncDashboard.Composition;
using SyncDashboard.Monitoring;

namespace SyncDashboard.Access;

/// <summary>Sign-in and authorization for pages, the API and <c>/hangfire</c>. With users or OpenID Connect
/// configured, every endpoint needs <see cref="AccessPolicies.View"/> unless it says otherwise (the login page, static
/// assets, the signed webhook), and actions need <see cref="AccessPolicies.Operate"/>. With neither, Development is
/// open (everyone an operator) and any other environment refuses to start.</summary>
public static class AccessSetup
{
    public const string LoginPath = "/login";

    public static IHostApplicationBuilder AddAccess(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<AccessOptions>(AccessOptions.Section);
        services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>();
        services.AddSingleton<ConfiguredUsers>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<IAuthorizationHandler, AccessRequirementHandler>();

        var view = new AuthorizationPolicyBuilder().AddRequirements(new AccessRequirement(AccessRole.Viewer)).Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(AccessPolicies.View, view)
            .AddPolicy(AccessPolicies.Operate, p => p.AddRequirements(new AccessRequirement(AccessRole.Operator)))
            // Anything that names no policy (pages, the Blazor hub, GET routes, /openapi) needs View.
            .SetFallbackPolicy(view);
        services.AddCascadingAuthenticationState();

        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie();
        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>, SignInCookie>();
        services.AddSingleton<IPostConfigureOptions<AntiforgeryOptions>, SecureAntiforgeryCookie>();
        // Whether the OpenID Connect handler exists must be known now; its settings are still read lazily.
        if (builder.Configuration.GetSection(AccessOptions.Section).Get<AccessOptions>()?.Oidc.IsConfigured == true)
        {
            authentication.AddOpenIdConnect();
            services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, OidcSignIn>();
        }

        // The cookie is encrypted with these keys: kept on disk, a restart does not sign everyone out.
        services.AddDataProtection().SetApplicationName("SyncDashboard");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<AccessOptions>, IOptions<DatabaseOptions>, IHostEnvironment, ILoggerFactory>(
                (keys, access, database, environment, logs) => keys.XmlRepository = new FileSystemXmlRepository(
                    new DirectoryInfo(KeysFolder(access.Value, database.Value, environment.ContentRootPath)), logs));
        return builder;
    }

    public static string KeysFolder(AccessOptions access, DatabaseOptions database, string contentRoot) =>
        string.IsNullOrWhiteSpace(access.KeysFolder)
            ? Path.Combine(Path.GetFullPath(database.DataFolder, contentRoot), "keys")
            : Path.GetFullPath(access.KeysFolder, contentRoot);

    public static WebApplication UseAccess(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapSignIn();
        return app;
    }
}
