using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>The form posts behind the login page and the app bar's sign-out button. Both are antiforgery-checked
/// (and, like every post, refused from another origin: <see cref="CrossOriginGuard"/>); a failed sign-in always looks
/// the same, whether the name exists, the password is wrong, a limit applied (<see cref="SignInRateLimit"/>,
/// <see cref="SignInThrottle"/>) or the form came over plain http where https is required. Signing out ends the
/// session on the server (<see cref="SessionRevocations"/>), not only in this browser.</summary>
public static class SignInEndpoints
{
    /// <summary>Where <see cref="MapSignIn"/> maps the sign-in form's post.</summary>
    private static readonly PathString SignInPath = "/account/login";
    private const int MaxNameLength = 256;
    private const int MaxPasswordLength = 1024;

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder routes)
    {
        var account = routes.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        account.MapPost("/login", SignInAsync).WithMetadata(new RequireAntiforgeryTokenAttribute())
            .RequireRateLimiting(SignInRateLimit.Policy);
        account.MapPost("/logout", SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        account.MapGet("/sso", SingleSignOn);
        return routes;
    }

    /// <summary>The login page shows no form over plain http where https is required, but a post may come anyway (a
    /// script, a stale tab) with the password in clear. It is answered like a failed sign-in, before the antiforgery
    /// check (which would throw on a Secure-only cookie over http) and before the password is looked at, so it is
    /// never checked or counted. Goes between authentication and antiforgery.</summary>
    public static IApplicationBuilder UseHttpsOnlySignIn(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.Equals(SignInPath)
                || http.Request.IsHttps || !SecureCookiesRequired(http))
            {
                await next(http);
                return;
            }
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInEndpoints))
                .LogWarning("Sign-in refused: sent over plain http from {Remote} (Access:RequireHttps)", Remote(http));
            await FailedAsync(http, http.RequestAborted);
        });

    /// <summary>Answers a sign-in post as failed, back to the login page with the form's return address: what every
    /// refusal looks like, whichever check made it.</summary>
    public static async Task FailedAsync(HttpContext http, CancellationToken ct)
    {
        var returnUrl = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(ct))["returnUrl"].ToString() : null;
        await Failed(LocalOrHome(returnUrl)).ExecuteAsync(http);
    }

    private static bool SecureCookiesRequired(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value
            .SecureCookies(http.RequestServices.GetRequiredService<IHostEnvironment>());

    private static async Task<IResult> SignInAsync(
        [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl, HttpContext http,
        ConfiguredUsers users, SignInThrottle throttle, RefusalWarnings warnings, TimeProvider time, ILoggerFactory logs,
        CancellationToken ct)
    {
        var logger = logs.CreateLogger(typeof(SignInEndpoints));
        var name = (username ?? "").Trim();
        var target = LocalOrHome(returnUrl);
        if (name.Length is 0 or > MaxNameLength || password is null || password.Length > MaxPasswordLength)
        {
            return Failed(target);
        }
        var address = ClientAddress.Of(http);
        if (throttle.Enter(name, address) is not { } wait)
        {
            logger.Log(warnings.LevelFor("sign-in name", address),
                "Sign-in refused: too many failed attempts for one name, from {Remote}", address);
            return Failed(target);
        }
        // The name is under attack from many addresses: this attempt waits for its turn.
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);

        var user = users.Verify(name, password);
        if (user is null)
        {
            throttle.RecordFailure(name, address);
            // Only a configured name is logged: an unknown "name" is sometimes a password typed in the wrong box.
            if (users.Find(name) is { } known)
                logger.LogWarning("Sign-in failed for {User} from {Remote}", known.Name, Remote(http));
            else
                logger.LogWarning("Sign-in failed for an unknown name from {Remote}", Remote(http));
            return Failed(target);
        }

        throttle.RecordSuccess(name, address);
        var principal = AccessClaims.Principal(user.Name.Trim(), user.ParsedRole, AccessClaims.LocalSource,
            AccessClaims.StampOf(user), AccessClaims.NewSessionId(), time.GetUtcNow(),
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        logger.LogInformation("{User} signed in as {Role} from {Remote}", user.Name, user.ParsedRole, Remote(http));
        return Results.LocalRedirect(target);
    }

    /// <summary>The antiforgery middleware only records its verdict; a handler that binds no form has to read it, or a
    /// post without the token would pass.</summary>
    private static async Task<IResult> SignOutAsync(
        HttpContext http, IAntiforgery antiforgery, SessionRevocations sessions, IOptions<AccessOptions> access,
        ILoggerFactory logs, CancellationToken ct)
    {
        var signedOut = $"{AccessSetup.LoginPath}?signedOut=true";
        if (http.User.Identity?.IsAuthenticated != true)
        {
            // Already ended (signed out in another tab, or revoked): nothing to end, but clear what the browser holds.
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(signedOut);
        }
        var verdict = http.Features.Get<IAntiforgeryValidationFeature>();
        if (!(verdict?.IsValid ?? await antiforgery.IsRequestValidAsync(http)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Sign-out refused",
                detail: "The sign-out form's antiforgery token is missing or wrong: sign out with the dashboard's button.");
        }
        var wasOidc = http.User.FindFirst(AccessClaims.Source)?.Value == AccessClaims.OidcSource;
        if (AccessClaims.SessionOf(http.User) is { } sessionId) await sessions.RevokeAsync(sessionId, ct);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        logs.CreateLogger(typeof(SignInEndpoints)).LogInformation("{User} signed out from {Remote}",
            http.User.Identity?.Name, Remote(http));
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
