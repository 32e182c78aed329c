using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Notes;

/// <summary>The timeline notes that touch a window: a note counts when any part of it lies in [from, to).</summary>
public sealed class NoteQueries(IDbContextFactory<MonitoringDbContext> dbFactory)
{
    /// <summary>Oldest first, streamed: what the notes exports write.</summary>
    public async IAsyncEnumerable<NoteRow> RangeAsync(
        string service, DateTime fromUtc, DateTime toUtc, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = InWindow(db, service, fromUtc, toUtc)
            .OrderBy(n => n.StartUtc).ThenBy(n => n.Id)
            .Select(n => new NoteRow(n.Id, n.StartUtc, n.EndUtc, n.Text, n.CreatedBy, n.CreatedUtc))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct)) yield return row;
    }

    /// <summary>Oldest first. Notes are written by hand, so a window holds few of them.</summary>
    public async Task<IReadOnlyList<NoteRow>> ListAsync(string service, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var notes = new List<NoteRow>();
        await foreach (var note in RangeAsync(service, fromUtc, toUtc, ct)) notes.Add(note);
        return notes;
    }

    /// <summary>Starts before the window's end, and ends (or, for a moment, starts) at or after its start.</summary>
    internal static IQueryable<TimelineNote> InWindow(MonitoringDbContext db, string service, DateTime fromUtc, DateTime toUtc) =>
        db.TimelineNotes.AsNoTracking()
            .Where(n => n.Service == service && n.StartUtc < toUtc && (n.EndUtc ?? n.StartUtc) >= fromUtc);
}
