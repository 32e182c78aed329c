using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace SyncDashboard.Access;

/// <summary>Security headers on every response. The CSP allows what the pages need and no more: scripts only from
/// this origin (plus a per-request nonce for Blazor's inline import map), inline styles (MudBlazor sets style
/// attributes and a theme &lt;style&gt;; Hangfire's dashboard too), the circuit's WebSocket to this origin, no
/// framing, forms posting only here (and to the identity provider, for sign-out).</summary>
public static class SecurityHeaders
{
    private const string NonceKey = "SyncDashboard.CspNonce";

    /// <summary>The nonce the current response's CSP allows, for the few inline scripts the framework renders.</summary>
    public static string CspNonce(HttpContext context) =>
        context.Items[NonceKey] as string ?? throw new InvalidOperationException("UseSecurityHeaders did not run.");

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var formTargets = FormTargets(context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = Policy(nonce, formTargets);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                // Pages and API answers carry monitoring data: no cache (shared or the browser's) keeps a copy. Static
                // assets say otherwise themselves.
                if (!headers.ContainsKey(HeaderNames.CacheControl)) headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    public static string Policy(string nonce, string formTargets) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        $"form-action {formTargets}; " +
        "frame-ancestors 'none'";

    private static string FormTargets(AccessOptions access) =>
        access.Oidc.IsConfigured && Uri.TryCreate(access.Oidc.Authority, UriKind.Absolute, out var authority)
            ? $"'self' {authority.GetLeftPart(UriPartial.Authority)}"
            : "'self'";
}
