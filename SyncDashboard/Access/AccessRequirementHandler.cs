using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>Decides <see cref="AccessRequirement"/> from the role claim (<see cref="AccessClaims.RoleOf"/>).</summary>
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
