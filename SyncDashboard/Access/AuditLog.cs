using Microsoft.EntityFrameworkCore;
using SyncDashboard.Configuration;
using SyncDashboard.Data;

namespace SyncDashboard.Access;

/// <summary>Records manual actions. <see cref="Add"/> joins the caller's unit of work, so an action and its audit
/// entry commit together; <see cref="RecordAsync"/> is for actions that change nothing in this database (a Hangfire
/// enqueue, a simulator fault).</summary>
public sealed class AuditLog(IDbContextFactory<MonitoringDbContext> dbFactory, TimeProvider time)
{
    public AuditEntry Add(MonitoringDbContext db, AuditAction action, string actor, string? details)
    {
        var entry = new AuditEntry
        {
            Service = ServiceName.Todoist,
            Action = action,
            Actor = Clip(actor, AuditEntry.MaxActorLength)!,
            OccurredUtc = time.GetUtcNow().UtcDateTime,
            Details = Clip(details, AuditEntry.MaxDetailsLength),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    public async Task<AuditEntry> RecordAsync(AuditAction action, string actor, string? details, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = Add(db, action, actor, details);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Deletes <paramref name="row"/> with its audit entry in one save.</summary>
    /// <returns>False when someone else deleted it between the caller's read and this delete: one deletion,
    /// recorded once.</returns>
    public async Task<bool> RemoveAsync<TRow>(
        MonitoringDbContext db, TRow row, AuditAction action, string actor, string details, CancellationToken ct)
        where TRow : class
    {
        db.Remove(row);
        Add(db, action, actor, details);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
