using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>Needs at least <see cref="Minimum"/>. Met by everyone while access is open (Development with nobody
/// configured), otherwise only by a signed-in user holding the role.</summary>
public sealed record AccessRequirement(AccessRole Minimum) : IAuthorizationRequirement;

public sealed class AccessRequirementHandler(IOptions<AccessOptions> options) : AuthorizationHandler<AccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        if (!options.Value.RequiresSignIn || AccessClaims.RoleOf(context.User) >= requirement.Minimum)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
