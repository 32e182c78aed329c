using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace SyncDashboard.Access;

/// <summary>The name an action is recorded under.</summary>
public static class Actor
{
    /// <summary>The signed-in user's name; with nobody signed in (development), where the request came from.</summary>
    public static string Of(ClaimsPrincipal? user, string? fallback = null) =>
        user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : fallback ?? "local user";

    /// <summary>The actor of a component's action, from its cascading authentication state (absent without a
    /// signed-in circuit, as in development).</summary>
    public static async Task<string> OfAsync(Task<AuthenticationState>? authState) =>
        Of(authState is null ? null : (await authState).User);

    public static string Of(HttpContext http) =>
        Of(http.User, $"api ({http.Connection.RemoteIpAddress?.ToString() ?? "local"})");
}
