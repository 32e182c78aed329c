using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Monitoring.Queries;

/// <summary>The timeline's markers for what operators add: acknowledgements (given and ended) and notes (moments and
/// ranges), over a real SQLite file and a real PostgreSQL database.</summary>
public sealed class TimelineAnnotationsFacts
{
    private const string Service = ServiceName.Todoist;
    private static readonly DateTime Now = new(2026, 11, 20, 12, 30, 0, DateTimeKind.Utc);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothProviders]
    public async Task View_MarksAcknowledgementsAndNotes_ANoteOverItsRange(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        long incident;
        await using (var db = database.Open())
        {
            db.AlertAcknowledgements.AddRange(
                new AlertAcknowledgement
                {
                    Service = Service, Code = "STALE_DATA", AcknowledgedBy = "ana", AcknowledgedUtc = Now.AddHours(-5),
                    Note = "Todoist is down", EndedUtc = Now.AddHours(-2),
                },
                new AlertAcknowledgement
                {
                    Service = Service, Code = "RATE_LIMITED", AcknowledgedBy = "bo", AcknowledgedUtc = Now.AddDays(-3),
                    Note = "expected", EndedUtc = Now.AddHours(-1),
                });
            var range = Note(Now.AddHours(-30), Now.AddHours(-20), "Todoist incident, status page says partial outage");
            db.TimelineNotes.AddRange(range, Note(Now.AddHours(-4), null, "token rotated"), Note(Now.AddDays(-3), null, "too old"));
            // Audited too, but marked from their own tables; a deleted note is gone, so only its entry can mark it.
            db.AuditEntries.AddRange(
                Audit(AuditAction.AcknowledgeAlert, Now.AddHours(-5)), Audit(AuditAction.AddNote, Now.AddHours(-4)),
                Audit(AuditAction.DeleteNote, Now.AddMinutes(-30)));
            await db.SaveChangesAsync(Ct);
            incident = range.Id;
        }

        var view = await new TimelineQueries(database.Factory(), new FakeTimeProvider(Now)).ViewAsync(Service, TimelineRange.Day, Ct);

        Assert.Equal(
            [
                (Now.AddHours(-30), TimelineMarkerKind.Note, "Todoist incident, status page says part…"),
                (Now.AddHours(-5), TimelineMarkerKind.Acknowledgement, "STALE_DATA acknowledged"),
                (Now.AddHours(-4), TimelineMarkerKind.Note, "token rotated"),
                (Now.AddHours(-2), TimelineMarkerKind.Acknowledgement, "STALE_DATA acknowledgement ended"),
                (Now.AddHours(-1), TimelineMarkerKind.Acknowledgement, "RATE_LIMITED acknowledgement ended"),
                (Now.AddMinutes(-30), TimelineMarkerKind.ManualAction, "Note deleted"),
            ],
            view.Annotations.Select(a => (a.AtUtc, a.Kind, a.Label)));
        Assert.Equal(6, view.AnnotationTotal);
        Assert.Equal((Now.AddHours(-20), (long?)incident), (view.Annotations[0].EndUtc, view.Annotations[0].NoteId));
        Assert.Equal("Todoist incident, status page says partial outage (otto)", view.Annotations[0].Detail);
        Assert.Equal("ana: Todoist is down", view.Annotations[1].Detail);
        Assert.Null(view.Annotations[2].EndUtc);
        Assert.Null(view.Annotations[1].NoteId);
    }

    private static TimelineNote Note(DateTime start, DateTime? end, string text) => new()
    {
        Service = Service, StartUtc = start, EndUtc = end, Text = text, CreatedBy = "otto", CreatedUtc = start,
    };

    private static AuditEntry Audit(AuditAction action, DateTime at) => new()
    {
        Service = Service, Action = action, Actor = "ana", OccurredUtc = at, Details = "d",
    };
}
