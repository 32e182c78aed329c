using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>Checks a name and password against <c>Access:Users</c>. Unknown names cost the same hash verification as
/// known ones, so the answer's timing does not tell which names exist.</summary>
public sealed class ConfiguredUsers(IOptions<AccessOptions> options)
{
    private static readonly PasswordHasher<ConfiguredUser> Hasher = new();

    // Made once with the same algorithm and iteration count as real hashes; it matches no password anyone types.
    private static readonly Lazy<string> DecoyHash =
        new(() => Hasher.HashPassword(new ConfiguredUser(), Guid.NewGuid().ToString("N")));

    public static string Hash(string password) => Hasher.HashPassword(new ConfiguredUser(), password);

    /// <summary>The user, when the name (case-insensitive) and password match; otherwise null.</summary>
    public ConfiguredUser? Verify(string? name, string? password)
    {
        var user = Find(name);
        var result = Hasher.VerifyHashedPassword(user ?? new ConfiguredUser(), user?.PasswordHash ?? DecoyHash.Value,
            password ?? "");
        return user is not null && result != PasswordVerificationResult.Failed ? user : null;
    }

    public ConfiguredUser? Find(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? null
            : options.Value.Users.FirstOrDefault(u => string.Equals(u.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
}
