using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>The form posts behind the login page and the app bar's sign-out button. Both are antiforgery-checked;
/// a failed sign-in always looks the same, whether the name exists, the password is wrong or the name is locked out.</summary>
public static class SignInEndpoints
{
    private const int MaxNameLength = 256;
    private const int MaxPasswordLength = 1024;

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder routes)
    {
        var account = routes.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        account.MapPost("/login", SignInAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        account.MapPost("/logout", SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        account.MapGet("/sso", SingleSignOn);
        return routes;
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl, HttpContext http,
        ConfiguredUsers users, SignInThrottle throttle, ILoggerFactory logs)
    {
        var logger = logs.CreateLogger(typeof(SignInEndpoints));
        var name = (username ?? "").Trim();
        var target = LocalOrHome(returnUrl);
        if (name.Length is 0 or > MaxNameLength || password is null || password.Length > MaxPasswordLength)
        {
            return Failed(target);
        }
        if (throttle.IsLockedOut(name))
        {
            logger.LogWarning("Sign-in refused: too many failed attempts for one name, from {Remote}", Remote(http));
            return Failed(target);
        }

        var user = users.Verify(name, password);
        if (user is null)
        {
            throttle.RecordFailure(name);
            // Only a configured name is logged: an unknown "name" is sometimes a password typed in the wrong box.
            if (users.Find(name) is { } known)
                logger.LogWarning("Sign-in failed for {User} from {Remote}", known.Name, Remote(http));
            else
                logger.LogWarning("Sign-in failed for an unknown name from {Remote}", Remote(http));
            return Failed(target);
        }

        throttle.RecordSuccess(name);
        var principal = AccessClaims.Principal(user.Name.Trim(), user.ParsedRole, AccessClaims.LocalSource,
            AccessClaims.StampOf(user), CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        logger.LogInformation("{User} signed in as {Role} from {Remote}", user.Name, user.ParsedRole, Remote(http));
        return Results.LocalRedirect(target);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IOptions<AccessOptions> access)
    {
        var wasOidc = http.User.FindFirst(AccessClaims.Source)?.Value == AccessClaims.OidcSource;
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var signedOut = $"{AccessSetup.LoginPath}?signedOut=true";
        if (wasOidc && access.Value.Oidc.IsConfigured)
        {
            // Also ends the session at the identity provider, which then sends the browser back to the login page.
            return Results.SignOut(new AuthenticationProperties { RedirectUri = signedOut },
                [OpenIdConnectDefaults.AuthenticationScheme]);
        }
        return Results.LocalRedirect(signedOut);
    }

    private static IResult SingleSignOn(string? returnUrl, IOptions<AccessOptions> access) =>
        access.Value.Oidc.IsConfigured
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) },
                [OpenIdConnectDefaults.AuthenticationScheme])
            : Results.NotFound();

    private static IResult Failed(string returnUrl) =>
        Results.LocalRedirect($"{AccessSetup.LoginPath}?failed=true&ReturnUrl={Uri.EscapeDataString(returnUrl)}");

    /// <summary>Only a path on this site: an absolute or protocol-relative URL would make the login an open redirect.</summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl)
            ? url
            : "/";

    private static string Remote(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
