using Microsoft.AspNetCore.Authorization;

namespace SyncDashboard.Access;

/// <summary>Needs at least <see cref="Minimum"/>. Met by everyone while access is open (Development with nobody
/// configured), otherwise only by a signed-in user holding the role.</summary>
public sealed record AccessRequirement(AccessRole Minimum) : IAuthorizationRequirement;
