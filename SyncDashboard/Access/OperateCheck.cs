using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace SyncDashboard.Access;

/// <summary>The server's own check inside a component's action. <c>AuthorizeView</c> only decides what is rendered;
/// a button already on screen (a role taken away while the page is open, a stale render) still reaches its handler,
/// so each handler asks the <see cref="AccessPolicies.Operate"/> policy itself before it changes anything.</summary>
public static class OperateCheck
{
    public const string Refusal = "Only operators may do this: nothing was changed.";

    /// <summary>Whether the circuit's user may act now. Without a cascading state (no sign-in configured) the
    /// policy itself decides, as it does for every request.</summary>
    public static async Task<bool> MayOperateAsync(
        this IAuthorizationService authorization, Task<AuthenticationState>? authState)
    {
        var user = authState is null ? new ClaimsPrincipal(new ClaimsIdentity()) : (await authState).User;
        return (await authorization.AuthorizeAsync(user, AccessPolicies.Operate)).Succeeded;
    }
}
