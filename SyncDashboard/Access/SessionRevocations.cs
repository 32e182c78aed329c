using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;

namespace SyncDashboard.Access;

/// <summary>Sessions ended on the server. Signing out records the session's id in the database, so the cookie (and
/// any copy taken before) is refused on its next request on every node, and the session's open circuits (other tabs)
/// are closed at their next revalidation, within <c>Access:RevalidateSeconds</c> (<see cref="RevalidatingAccessState"/>).
/// Not at once: the tab that signs out is itself a circuit, and closing it under the form it just posted would show
/// its reconnect dialog and errors for the moment before the browser leaves.</summary>
public sealed class SessionRevocations(
    IDbContextFactory<MonitoringDbContext> dbFactory, IOptions<AccessOptions> access, TimeProvider time)
{
    /// <summary>One primary-key look-up per request that carries a cookie.</summary>
    public async Task<bool> IsRevokedAsync(string sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RevokedSessions.AnyAsync(r => r.SessionId == sessionId, ct);
    }

    public async Task RevokeAsync(string sessionId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.RevokedSessions.AnyAsync(r => r.SessionId == sessionId, ct))
        {
            db.RevokedSessions.Add(new RevokedSession { SessionId = sessionId, RevokedUtc = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Signed out twice at once (two tabs): fine if the other request recorded it.
                if (!await IsRevokedAsync(sessionId, ct)) throw;
            }
        }
        // A session revoked longer ago than the longest session began before that, so its cookie has expired on
        // its own: the row is no longer needed. Deleted here rather than by a job: sign-outs are rare.
        var expired = now - access.Value.MaxSession;
        await db.RevokedSessions.Where(r => r.RevokedUtc < expired).ExecuteDeleteAsync(ct);
    }
}
