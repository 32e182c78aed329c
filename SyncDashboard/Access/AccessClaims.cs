using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace SyncDashboard.Access;

/// <summary>The few claims a sign-in cookie carries: name, role, where the sign-in came from, when it happened (the
/// cookie slides; this does not, so a session has an absolute end), a random session id (signing out revokes it in
/// the database, which ends every copy of the cookie), and for a configured user a stamp of their configuration, so
/// changing a user's password hash or role (or removing them) ends their existing sessions.</summary>
public static class AccessClaims
{
    public const string Source = "syncdashboard:source";
    public const string Stamp = "syncdashboard:stamp";
    public const string SignedInAt = "syncdashboard:signed-in-at";
    public const string Session = "syncdashboard:session";
    public const string LocalSource = "local";
    public const string OidcSource = "oidc";
    public const string ApiKeySource = "api-key";

    public static ClaimsPrincipal Principal(
        string name, AccessRole? role, string source, string? stamp, string sessionId, DateTimeOffset signedInAt,
        string scheme)
    {
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        if (role is { } r) identity.AddClaim(new Claim(ClaimTypes.Role, r.ToString()));
        identity.AddClaim(new Claim(Source, source));
        if (stamp is not null) identity.AddClaim(new Claim(Stamp, stamp));
        identity.AddClaim(new Claim(Session, sessionId));
        identity.AddClaim(new Claim(SignedInAt,
            signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>When the user signed in; null for a cookie issued before the claim existed (or a malformed one).</summary>
    public static DateTimeOffset? SignedInAtOf(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(SignedInAt)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>128 random bits: what revokes a session must not be guessable, or anyone could sign others out.</summary>
    public static string NewSessionId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The session id; null for a cookie issued before sessions had one (or a malformed one).</summary>
    public static string? SessionOf(ClaimsPrincipal user) =>
        user.FindFirst(Session)?.Value is { Length: > 0 and <= 64 } id ? id : null;

    public static AccessRole? RoleOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true ? null
        : user.IsInRole(nameof(AccessRole.Operator)) ? AccessRole.Operator
        : user.IsInRole(nameof(AccessRole.Viewer)) ? AccessRole.Viewer
        : null;

    /// <summary>A short digest of what grants a configured user access; never the hash itself.</summary>
    public static string StampOf(ConfiguredUser user) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.Name}\n{user.ParsedRole}\n{user.PasswordHash}")))[..16];
}
