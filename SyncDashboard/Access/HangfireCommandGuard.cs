using Microsoft.AspNetCore.Authorization;

namespace SyncDashboard.Access;

/// <summary>Hangfire's read-only mode refuses a viewer's command with 401, which says "sign in" to someone who is
/// signed in; everywhere else a viewer's <c>POST</c> is 403. This answers first: every request to the console that
/// is not a read (<c>GET</c>, <c>HEAD</c>) needs <see cref="AccessPolicies.Operate"/>, except the stats poll every
/// open console page makes (a <c>POST</c> that changes nothing).</summary>
public static class HangfireCommandGuard
{
    private const string StatsPoll = "/stats";

    public static IApplicationBuilder UseHangfireCommandGuard(this IApplicationBuilder app, PathString console) =>
        app.Use(async (http, next) =>
        {
            if (IsCommand(http.Request, console))
            {
                var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
                if (!(await authorization.AuthorizeAsync(http.User, AccessPolicies.Operate)).Succeeded)
                {
                    http.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }
            }
            await next(http);
        });

    private static bool IsCommand(HttpRequest request, PathString console) =>
        request.Path.StartsWithSegments(console, StringComparison.OrdinalIgnoreCase, out var rest)
        && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
        && !string.Equals(rest.Value, StatsPoll, StringComparison.OrdinalIgnoreCase);
}
