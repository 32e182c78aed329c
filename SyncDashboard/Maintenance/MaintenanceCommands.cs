using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Access;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Live;

namespace SyncDashboard.Maintenance;

/// <summary>Creates, ends early and deletes maintenance windows; each change and its audit entry
/// (<see cref="AuditAction.AddMaintenance"/>, <see cref="AuditAction.EndMaintenance"/>,
/// <see cref="AuditAction.DeleteMaintenance"/>) commit together.</summary>
public sealed class MaintenanceCommands(
    IDbContextFactory<MonitoringDbContext> dbFactory, AuditLog audit, MonitoringNotifier notifier, TimeProvider time)
{
    /// <summary>The caller checks the draft with <see cref="MaintenanceRules.Check"/> first; a draft that fails the
    /// check is a programming error here.</summary>
    public async Task<MaintenanceRow> AddAsync(MaintenanceDraft draft, string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (MaintenanceRules.Check(draft, now) is { } problem)
        {
            throw new ArgumentException($"'{problem.Field}' {problem.Problem}.", problem.Field);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var window = new MaintenanceWindow
        {
            Service = ServiceName.Todoist,
            Reason = draft.Reason!.Trim(),
            Cron = draft.IsScheduled ? draft.Cron!.Trim() : null,
            TimeZone = draft.IsScheduled ? MaintenanceRules.Zone(draft.TimeZone)!.Id : null,
            // "Now" and a start a moment ago are both now: nothing before the window's creation is covered anyway.
            StartUtc = draft.IsScheduled ? null : draft.StartUtc is { } start && start > now ? start : now,
            DurationMinutes = draft.DurationMinutes,
            PauseSyncing = draft.PauseSyncing,
            ExcludeFromSlo = draft.ExcludeFromSlo,
            CreatedBy = Clip(actor),
            CreatedUtc = now,
        };
        db.MaintenanceWindows.Add(window);
        await db.SaveChangesAsync(ct);
        // After the window's own save, so the entry names its id.
        audit.Add(db, AuditAction.AddMaintenance, actor, Describe(window));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await notifier.NotifyAsync();
        return MaintenanceRow.Of(window, now, 0, []);
    }

    /// <summary>Ends the window now: the occurrence in progress stops here and a schedule stops recurring.</summary>
    public async Task<EndMaintenanceResult> EndAsync(long id, string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var window = await db.MaintenanceWindows.AsNoTracking()
            .SingleOrDefaultAsync(w => w.Id == id && w.Service == ServiceName.Todoist, ct);
        if (window is null) return EndMaintenanceResult.NotFound;
        if (MaintenanceSchedule.Current(window, now) is null) return EndMaintenanceResult.AlreadyOver;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Conditional, so two people ending it at once record one end.
        var changed = await db.MaintenanceWindows.Where(w => w.Id == id && w.EndedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.EndedUtc, now).SetProperty(w => w.EndedBy, Clip(actor)), ct);
        if (changed == 0) return EndMaintenanceResult.AlreadyOver;
        audit.Add(db, AuditAction.EndMaintenance, actor, Describe(window));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await notifier.NotifyAsync();
        return EndMaintenanceResult.Ended;
    }

    /// <summary>Removes the window and, with it, the time it left out of uptime and the SLO budgets. What it held back
    /// stays recorded as suppressed.</summary>
    /// <returns>False when there is no such window.</returns>
    public async Task<bool> DeleteAsync(long id, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var window = await db.MaintenanceWindows.SingleOrDefaultAsync(w => w.Id == id && w.Service == ServiceName.Todoist, ct);
        if (window is null) return false;
        if (!await audit.RemoveAsync(db, window, AuditAction.DeleteMaintenance, actor, Describe(window), ct)) return false;
        await notifier.NotifyAsync();
        return true;
    }

    private static string Describe(MaintenanceWindow w)
    {
        var when = w.Cron is null
            ? $"{Time(w.StartUtc!.Value)} for {w.DurationMinutes} min"
            : $"\"{w.Cron}\" ({w.TimeZone}) for {w.DurationMinutes} min";
        var flags = (w.PauseSyncing ? ", pauses syncing" : "") + (w.ExcludeFromSlo ? ", excluded from SLO and uptime" : "");
        return $"window #{w.Id}, {when}{flags}: {w.Reason}";
    }

    private static string Clip(string actor) => actor.Length <= AuditEntry.MaxActorLength ? actor : actor[..AuditEntry.MaxActorLength];

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
