using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>The sign-in cookie: HttpOnly, SameSite=Lax (Strict would drop it on the way back from an identity
/// provider), Secure and <c>__Host-</c>-prefixed outside Development. API clients get 401/403, never a login page.</summary>
public sealed class SignInCookie(IHostEnvironment environment, IOptions<AccessOptions> access)
    : IConfigureNamedOptions<CookieAuthenticationOptions>
{
    public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, CookieAuthenticationOptions options)
    {
        if (name != CookieAuthenticationDefaults.AuthenticationScheme) return;
        var secure = access.Value.SecureCookies(environment);
        options.Cookie.Name = secure ? "__Host-SyncDashboard" : "SyncDashboard";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        options.Cookie.Path = "/";
        options.ExpireTimeSpan = TimeSpan.FromHours(access.Value.SessionHours);
        options.SlidingExpiration = true;
        options.LoginPath = AccessSetup.LoginPath;
        options.AccessDeniedPath = AccessSetup.LoginPath;
        options.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
        options.Events.OnValidatePrincipal = ValidateSessionAsync;
    }

    /// <summary>Pages (and /hangfire, which people open in a browser) go to the login page; machine clients get the
    /// status code.</summary>
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsMachineRequest(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        var target = status == StatusCodes.Status403Forbidden
            ? $"{AccessSetup.LoginPath}?denied=true"
            : context.RedirectUri;
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    public static bool IsMachineRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi")
        || !HttpMethods.IsGet(request.Method)
        || request.Headers.XRequestedWith == "XMLHttpRequest";

    /// <summary>Every session ends <c>Access:MaxSessionHours</c> after its sign-in, however active (the cookie itself
    /// slides); a configured user's also when their entry changes or disappears; and any session once it is signed out
    /// (<see cref="SessionRevocations"/>), which is what refuses a copy of the cookie taken before.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal) return;
        var http = context.HttpContext;
        var services = http.RequestServices;
        var access = services.GetRequiredService<IOptions<AccessOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var sessionId = AccessClaims.SessionOf(principal);
        var valid = RevalidatingAccessState.IsStillValid(principal, access, now);
        if (valid && sessionId is not null
            && await services.GetRequiredService<SessionRevocations>().IsRevokedAsync(sessionId, http.RequestAborted))
        {
            valid = false;
            services.GetRequiredService<ILogger<SignInCookie>>().LogWarning(
                "The cookie of a signed-out session was sent again by {Remote}: refused", http.Connection.RemoteIpAddress);
        }
        if (valid) return;
        context.RejectPrincipal();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
