using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Configuration;
using SyncDashboard.Data;

namespace SyncDashboard.Sync.Verification;

/// <summary>Compares the mirror with a verifying full sync's answers and adds the record, inside the full sync's
/// transaction and before its snapshot replaces the mirror: the mirror read is the one the snapshot replaces.</summary>
public sealed class MirrorVerifications(IOptions<VerificationOptions> options, ILogger<MirrorVerifications> logger)
{
    public async Task<MirrorVerification> RecordAsync(
        MonitoringDbContext db, long eventId, VerifiedFetch fetch, DateTime nowUtc, CancellationToken ct)
    {
        var record = new MirrorVerification
        {
            Service = ServiceName.Todoist,
            SyncEventId = eventId,
            VerifiedUtc = nowUtc,
            AlignAttempts = fetch.AlignAttempts,
            ExtraCalls = fetch.ExtraCalls,
            Note = fetch.Note,
        };
        if (fetch.Unverified is { } unverified)
        {
            record.Outcome = unverified;
        }
        else
        {
            var view = await ReadAsync(db, ct);
            foreach (var delta in fetch.Deltas) view.Apply(delta);
            var byType = MirrorDrift.Find(view, fetch.Snapshot, options.Value.ExamplesPerKind);
            record.ByType = byType.ToList();
            record.Missing = byType.Sum(t => t.Missing);
            record.Extra = byType.Sum(t => t.Extra);
            record.Changed = byType.Sum(t => t.Changed);
            record.Outcome = byType.Count == 0 ? VerificationOutcome.Exact : VerificationOutcome.Drift;
            if (record.Outcome == VerificationOutcome.Drift)
            {
                logger.LogWarning(
                    "The mirror had drifted from Todoist: {Missing} missing, {Extra} extra, {Changed} changed ({Types}); the full sync repairs it",
                    record.Missing, record.Extra, record.Changed, string.Join(", ", byType.Select(t => $"{t.ResourceType} {t.Total}")));
            }
        }
        db.MirrorVerifications.Add(record);
        return record;
    }

    private static async Task<MirrorView> ReadAsync(MonitoringDbContext db, CancellationToken ct) => new(
        await db.Items.AsNoTracking().ToListAsync(ct),
        await db.Projects.AsNoTracking().ToListAsync(ct),
        await db.Sections.AsNoTracking().ToListAsync(ct),
        await db.Labels.AsNoTracking().ToListAsync(ct),
        await db.Notes.AsNoTracking().ToListAsync(ct));
}
