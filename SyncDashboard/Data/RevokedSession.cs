namespace SyncDashboard.Data;

/// <summary>A sign-in session ended on the server (signed out). Its cookie, and any copy of it, is refused on every
/// node from then on. A row is kept only as long as such a cookie could still be valid
/// (<c>Access:MaxSessionHours</c> after revocation), then deleted.</summary>
public sealed class RevokedSession
{
    /// <summary>The random id the session's cookie carries (<c>syncdashboard:session</c>).</summary>
    public required string SessionId { get; set; }

    public DateTime RevokedUtc { get; set; }
}
