using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>The mirror verifications (one per verifying full sync), newest first.</summary>
public sealed class VerificationQueries(IDbContextFactory<MonitoringDbContext> dbFactory, TimeProvider time)
{
    public const int MaxLimit = 500;

    public async Task<VerificationStatus> StatusAsync(string service, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await Newest(db, service).FirstOrDefaultAsync(ct);
        var lastExact = await Newest(db, service).Where(v => v.Outcome == VerificationOutcome.Exact)
            .Select(v => (DateTime?)v.VerifiedUtc).FirstOrDefaultAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        return new VerificationStatus(
            latest is null ? null : VerificationRow.Of(latest),
            lastExact,
            lastExact is { } at ? (now > at ? now - at : TimeSpan.Zero) : null);
    }

    public async Task<IReadOnlyList<VerificationRow>> ListAsync(
        string service, DateTime? fromUtc, DateTime? toUtc, int limit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Newest(db, service);
        if (fromUtc is { } from) query = query.Where(v => v.VerifiedUtc >= from);
        if (toUtc is { } to) query = query.Where(v => v.VerifiedUtc < to);
        return (await query.Take(Math.Clamp(limit, 1, MaxLimit)).ToListAsync(ct)).Select(VerificationRow.Of).ToList();
    }

    /// <summary>Every verification made in [from, to), oldest first, streamed: what the exports write.</summary>
    public async IAsyncEnumerable<VerificationRow> RangeAsync(
        string service, DateTime fromUtc, DateTime toUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.MirrorVerifications.AsNoTracking()
            .Where(v => v.Service == service && v.VerifiedUtc >= fromUtc && v.VerifiedUtc < toUtc)
            .OrderBy(v => v.VerifiedUtc).ThenBy(v => v.Id)
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct)) yield return VerificationRow.Of(row);
    }

    private static IQueryable<MirrorVerification> Newest(MonitoringDbContext db, string service) =>
        db.MirrorVerifications.AsNoTracking().Where(v => v.Service == service)
            .OrderByDescending(v => v.VerifiedUtc).ThenByDescending(v => v.Id);
}
