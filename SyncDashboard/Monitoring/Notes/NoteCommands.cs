using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Access;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Live;

namespace SyncDashboard.Monitoring.Notes;

/// <summary>Adds and deletes timeline notes; each change and its audit entry (<see cref="AuditAction.AddNote"/>,
/// <see cref="AuditAction.DeleteNote"/>) commit together.</summary>
public sealed class NoteCommands(
    IDbContextFactory<MonitoringDbContext> dbFactory, AuditLog audit, MonitoringNotifier notifier, TimeProvider time)
{
    /// <summary>Adds a note to <see cref="ServiceName.Todoist"/>'s timeline. The caller checks it with
    /// <see cref="NoteRules.Check"/> first; a note that fails the check is a programming error here.</summary>
    public async Task<NoteRow> AddAsync(DateTime startUtc, DateTime? endUtc, string text, string actor, CancellationToken ct)
    {
        if (NoteRules.Check(startUtc, endUtc, text) is { } problem)
        {
            throw new ArgumentException($"'{problem.Field}' {problem.Problem}.", problem.Field);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var note = new TimelineNote
        {
            Service = ServiceName.Todoist,
            StartUtc = startUtc,
            EndUtc = endUtc,
            Text = text.Trim(),
            CreatedBy = actor.Length <= AuditEntry.MaxActorLength ? actor : actor[..AuditEntry.MaxActorLength],
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.TimelineNotes.Add(note);
        await db.SaveChangesAsync(ct);
        // After the note's own save, so the entry names its id.
        audit.Add(db, AuditAction.AddNote, actor, Describe(note));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await notifier.NotifyAsync();
        return new NoteRow(note.Id, note.StartUtc, note.EndUtc, note.Text, note.CreatedBy, note.CreatedUtc);
    }

    /// <returns>False when there is no such note (never was, or someone deleted it first).</returns>
    public async Task<bool> DeleteAsync(long id, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var note = await db.TimelineNotes.SingleOrDefaultAsync(n => n.Id == id && n.Service == ServiceName.Todoist, ct);
        if (note is null) return false;
        // The entry keeps what the note said: the note itself is gone.
        if (!await audit.RemoveAsync(db, note, AuditAction.DeleteNote, actor, Describe(note), ct)) return false;
        await notifier.NotifyAsync();
        return true;
    }

    private static string Describe(TimelineNote note) =>
        $"note #{note.Id}, {Time(note.StartUtc)}{(note.EndUtc is { } end ? " to " + Time(end) : "")}: {note.Text}";

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
