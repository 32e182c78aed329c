using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>A Blazor circuit keeps the user it started with; this checks every minute that the sign-in still stands
/// (<see cref="IsStillValid"/>), so an operator whose hash or role changed (or who was removed), or whose session
/// reached <c>Access:MaxSessionHours</c>, loses the buttons in open tabs too, not only at the next page load.</summary>
public sealed class RevalidatingAccessState(
    ILoggerFactory logs, IOptionsMonitor<AccessOptions> access, TimeProvider time)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        Task.FromResult(IsStillValid(state.User, access.CurrentValue, time.GetUtcNow()));

    /// <summary>Every signed-in user: within <see cref="AccessOptions.MaxSession"/> of signing in (a cookie without
    /// the sign-in time predates the limit and ends too). A configured user: their entry is unchanged as well. An
    /// OpenID Connect user's provider is asked again when they sign in again.</summary>
    public static bool IsStillValid(ClaimsPrincipal user, AccessOptions options, DateTimeOffset now)
    {
        if (user.Identity?.IsAuthenticated != true) return true;
        if (AccessClaims.SignedInAtOf(user) is not { } signedInAt || now - signedInAt >= options.MaxSession) return false;
        if (user.FindFirst(AccessClaims.Source)?.Value != AccessClaims.LocalSource) return true;
        var entry = new ConfiguredUsers(Options.Create(options)).Find(user.Identity?.Name);
        return entry is not null && user.FindFirst(AccessClaims.Stamp)?.Value == AccessClaims.StampOf(entry);
    }
}
