using System.Security.Claims;

namespace SyncDashboard.Access;

/// <summary>The name an action is recorded under.</summary>
public static class Actor
{
    /// <summary>The signed-in user's name; with nobody signed in (development), where the request came from.</summary>
    public static string Of(ClaimsPrincipal? user, string? fallback = null) =>
        user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : fallback ?? "local user";

    public static string Of(HttpContext http) =>
        Of(http.User, $"api ({http.Connection.RemoteIpAddress?.ToString() ?? "local"})");
}
