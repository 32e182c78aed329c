using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>The antiforgery cookie follows the sign-in cookie: Secure and <c>__Host-</c> outside Development.</summary>
public sealed class SecureAntiforgeryCookie(IHostEnvironment environment, IOptions<AccessOptions> access)
    : IPostConfigureOptions<AntiforgeryOptions>
{
    public void PostConfigure(string? name, AntiforgeryOptions options)
    {
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        if (!access.Value.SecureCookies(environment)) return;
        options.Cookie.Name = "__Host-SyncDashboard.Antiforgery";
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.Path = "/";
    }
}
