using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>Who may open <c>/hangfire</c> and who may press its buttons. With sign-in: viewers see it read-only,
/// operators may act. Open (Development, nobody configured): only requests from this machine, as before sign-in
/// existed, because a console that deletes jobs must not be open to a network.</summary>
public sealed class HangfireConsoleAccess : IDashboardAuthorizationFilter
{
    private static readonly LocalRequestsOnlyAuthorizationFilter LocalOnly = new();

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (!SignInRequired(http)) return LocalOnly.Authorize(context);
        return Allowed(http, AccessPolicies.View);
    }

    /// <summary>Hangfire's read-only switch: hides its buttons and refuses its commands.</summary>
    public static bool IsReadOnly(DashboardContext context) =>
        !Allowed(context.GetHttpContext(), AccessPolicies.Operate);

    private static bool SignInRequired(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.RequiresSignIn;

    private static bool Allowed(HttpContext http, string policy) =>
        // Hangfire's filters are synchronous; the policy's handler completes synchronously.
        http.RequestServices.GetRequiredService<IAuthorizationService>()
            .AuthorizeAsync(http.User, policy).GetAwaiter().GetResult().Succeeded;
}
