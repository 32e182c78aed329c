using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>A Blazor circuit keeps the user it started with; this checks every <c>Access:RevalidateSeconds</c>
/// (a minute) that the sign-in still stands
/// (<see cref="IsStillValid"/>, and not signed out on any node), so an operator whose hash or role changed (or who was
/// removed), whose session reached <c>Access:MaxSessionHours</c> or was signed out elsewhere loses open tabs too, not
/// only at the next page load: their circuits' connections are closed.</summary>
public sealed class RevalidatingAccessState(
    ILoggerFactory logs, IOptionsMonitor<AccessOptions> access, TimeProvider time, SessionRevocations revocations,
    CircuitConnections circuits)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(access.CurrentValue.RevalidateSeconds);

    /// <summary>Also asks the database whether the session was signed out (on any node); an ended session's
    /// connection is closed, which ends the circuit rather than leaving it open without a user.</summary>
    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        if (state.User.Identity?.IsAuthenticated != true) return true;
        var sessionId = AccessClaims.SessionOf(state.User);
        var valid = IsStillValid(state.User, access.CurrentValue, time.GetUtcNow())
            && !await revocations.IsRevokedAsync(sessionId!, ct);
        if (!valid && sessionId is not null) circuits.Close(sessionId);
        return valid;
    }

    /// <summary>Every signed-in user: within <see cref="AccessOptions.MaxSession"/> of signing in (a cookie without
    /// the sign-in time predates the limit and ends too). A configured user: their entry is unchanged as well. An
    /// OpenID Connect user's provider is asked again when they sign in again.</summary>
    public static bool IsStillValid(ClaimsPrincipal user, AccessOptions options, DateTimeOffset now)
    {
        if (user.Identity?.IsAuthenticated != true) return true;
        if (AccessClaims.SignedInAtOf(user) is not { } signedInAt || now - signedInAt >= options.MaxSession) return false;
        // A cookie from before sessions had an id could not be revoked: it ends once, and the next one has an id.
        if (AccessClaims.SessionOf(user) is null) return false;
        if (user.FindFirst(AccessClaims.Source)?.Value != AccessClaims.LocalSource) return true;
        var entry = new ConfiguredUsers(Options.Create(options)).Find(user.Identity?.Name);
        return entry is not null && user.FindFirst(AccessClaims.Stamp)?.Value == AccessClaims.StampOf(entry);
    }
}
