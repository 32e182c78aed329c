using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>A Blazor circuit keeps the user it started with; this checks a configured user's entry every minute, so
/// an operator whose hash or role changed (or who was removed) loses the buttons in open tabs too, not only at the
/// next page load. OpenID Connect users are judged by their provider at their next sign-in.</summary>
public sealed class RevalidatingAccessState(ILoggerFactory logs, IOptionsMonitor<AccessOptions> access)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        Task.FromResult(IsStillValid(state.User, access.CurrentValue));

    public static bool IsStillValid(ClaimsPrincipal user, AccessOptions options)
    {
        if (user.FindFirst(AccessClaims.Source)?.Value != AccessClaims.LocalSource) return true;
        var entry = new ConfiguredUsers(Options.Create(options)).Find(user.Identity?.Name);
        return entry is not null && user.FindFirst(AccessClaims.Stamp)?.Value == AccessClaims.StampOf(entry);
    }
}
