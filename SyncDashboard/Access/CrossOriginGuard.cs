namespace SyncDashboard.Access;

/// <summary>Only this app's own pages change state. A browser sends the sign-in cookie with every request to this
/// site, including a form or a <c>text/plain</c> fetch that another page (another port of the same host is the same
/// site, so <c>SameSite=Lax</c> does not stop it) makes it send. Every request that is not a read (and every WebSocket
/// handshake: the dashboard's circuits act over one) is therefore refused when the browser says it comes from
/// elsewhere: by <c>Sec-Fetch-Site</c>, which every current browser sends, or else by <c>Origin</c> compared with the
/// <c>Host</c> it was sent to. A request carrying neither header is not from a browser page (curl, a script,
/// Todoist's webhook delivery) and passes, as does one that authenticates with an API key rather than the cookie: a
/// page cannot add an <c>Authorization</c> header to another origin's request without CORS, which this app does not
/// grant. The same algorithm as Go's <c>http.CrossOriginProtection</c>.</summary>
public static class CrossOriginGuard
{
    /// <summary>Whether a request may go on. <paramref name="host"/> is the request's <c>Host</c> (the authority the
    /// browser addressed, which a proxy passes through or, with forwarded headers, restores).</summary>
    public static bool IsAllowed(string method, bool isWebSocket, string? secFetchSite, string? origin, string? host)
    {
        if (!isWebSocket && IsRead(method)) return true;
        if (!string.IsNullOrEmpty(secFetchSite)) return secFetchSite is "same-origin" or "none";
        if (string.IsNullOrEmpty(origin)) return true;
        // "null" (a sandboxed frame, a privacy-preserving redirect) is no origin of ours.
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.Equals(uri.Authority, host, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsRead(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
        || HttpMethods.IsTrace(method);

    /// <summary>After authentication: the identity provider's sign-in callback (a cross-site form post, checked by
    /// its own state and nonce) has been handled by then, and an API-key request is known.</summary>
    public static IApplicationBuilder UseCrossOriginGuard(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (ApiKeyAuthentication.IsBearer(request)
                || IsAllowed(request.Method, http.WebSockets.IsWebSocketRequest, request.Headers["Sec-Fetch-Site"],
                    request.Headers.Origin, request.Host.Value))
            {
                await next(http);
                return;
            }
            var remote = ClientAddress.Of(http);
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CrossOriginGuard));
            logger.Log(http.RequestServices.GetRequiredService<RefusalWarnings>().LevelFor("cross-origin", remote),
                "Cross-origin {Method} {Path} refused (Origin {Origin}, Sec-Fetch-Site {FetchSite}) from {Remote}",
                request.Method, request.Path.Value, request.Headers.Origin.ToString(),
                request.Headers["Sec-Fetch-Site"].ToString(), remote);
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-origin request refused",
                    detail: "Only the dashboard's own pages may change anything. Scripts and tools send no Origin " +
                        "header, or authenticate with an API key.")
                .ExecuteAsync(http);
        });
}
