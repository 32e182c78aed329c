using Microsoft.EntityFrameworkCore;
using SyncDashboard.Access;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Live;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Alerts;

/// <summary>Acknowledges an active alert with a note: stored with its audit entry
/// (<see cref="AuditAction.AcknowledgeAlert"/>) in one save. The acknowledgement holds back reminders while every alert
/// raised has one (<see cref="FlapControl"/>) and ends by itself when health no longer raises its alert
/// (<see cref="HealthQueries"/>). Two operators acknowledging at once each store theirs: both are true, and nothing
/// about the alert's notifications depends on how many there are.</summary>
public sealed class AcknowledgementCommands(
    IDbContextFactory<MonitoringDbContext> dbFactory,
    HealthQueries health,
    AuditLog audit,
    MonitoringNotifier notifier,
    TimeProvider time)
{
    /// <summary>The code as <see cref="AlertCodes"/> spells it (the match ignores case), or null for no such alert.</summary>
    public static string? CodeOf(string? text) =>
        AlertCodes.All.FirstOrDefault(code => string.Equals(code, text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether <paramref name="note"/> may be stored (<see cref="StoredText"/>): null, or what is wrong.</summary>
    public static string? NoteProblem(string? note) => StoredText.Problem(note, AlertAcknowledgement.MaxNoteLength);

    /// <param name="code">One of <see cref="AlertCodes.All"/> (see <see cref="CodeOf"/>).</param>
    /// <param name="note">Checked with <see cref="NoteProblem"/> first; stored trimmed.</param>
    public async Task<AcknowledgeResult> AcknowledgeAsync(string code, string note, string actor, CancellationToken ct)
    {
        if (CodeOf(code) != code) throw new ArgumentException($"'{code}' is not an alert code.", nameof(code));
        if (NoteProblem(note) is { } problem) throw new ArgumentException($"The note {problem}.", nameof(note));

        var report = await health.GetAsync(ServiceName.Todoist, ct);
        if (report.Alerts.All(a => a.Code != code)) return new(AcknowledgeStatus.NotActive);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = new AlertAcknowledgement
        {
            Service = ServiceName.Todoist,
            Code = code,
            AcknowledgedBy = actor.Length <= AuditEntry.MaxActorLength ? actor : actor[..AuditEntry.MaxActorLength],
            AcknowledgedUtc = time.GetUtcNow().UtcDateTime,
            Note = note.Trim(),
        };
        db.AlertAcknowledgements.Add(row);
        audit.Add(db, AuditAction.AcknowledgeAlert, actor, $"{code}: {row.Note}");
        await db.SaveChangesAsync(ct);
        await notifier.NotifyAsync();
        return new(AcknowledgeStatus.Done, new AcknowledgementRow(row.Id, row.Code, row.AcknowledgedBy, row.AcknowledgedUtc, row.Note, null));
    }
}
