using System.Globalization;
using SyncDashboard.Access;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Notes;

namespace SyncDashboard.Api;

/// <summary><c>/api/notes</c>: operators' notes on the timeline ("Todoist incident", "token rotated"): list a window's,
/// add one, delete one.</summary>
public static class NotesApi
{
    public static RouteGroupBuilder MapNotesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Notes");
        group.MapGet("/notes", ListAsync)
            .WithSummary("Timeline notes of a window")
            .WithDescription("Every note that touches [from, to) (a range that overlaps it, a moment inside it), oldest " +
                "first. `from` and `to` are ISO-8601 times with a zone; `to` defaults to now and `from` to 30 days " +
                "before `to`; the window is at most 400 days.")
            .Produces<IReadOnlyList<NoteRow>>()
            .ProducesValidationProblem();
        group.MapPost("/notes", AddAsync)
            .RequireAuthorization(AccessPolicies.Operate)
            .WithSummary("Add a timeline note")
            .WithDescription("The body is {\"start\": \"2026-11-01T08:00:00Z\", \"end\": \"2026-11-01T09:30:00Z\", \"text\": " +
                "\"Todoist incident\"}: times are ISO-8601 with a zone, `end` is optional (without it the note marks a " +
                $"moment) and not before `start`, `text` is 1..{TimelineNote.MaxTextLength} characters. 201 with the note; " +
                "400 naming the field at fault. Audited as AddNote.")
            .Accepts<NoteRequest>("application/json")
            .Produces<NoteRow>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        group.MapDelete("/notes/{id}", DeleteAsync)
            .RequireAuthorization(AccessPolicies.Operate)
            .WithSummary("Delete a timeline note")
            .WithDescription("204 when deleted, 404 for no such note. Audited as DeleteNote, with what the note said.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<IResult> ListAsync(
        string? from, string? to, NoteQueries notes, TimeProvider time, CancellationToken ct)
    {
        var range = ExportApi.ParseRange(from, to, time);
        if (range.Problem is not null) return range.Problem;
        return TypedResults.Ok(await notes.ListAsync(ServiceName.Todoist, range.From!.Value, range.To!.Value, ct));
    }

    private static async Task<IResult> AddAsync(NoteCommands notes, HttpContext http, CancellationToken ct)
    {
        const string example = """{"start": "2026-11-01T08:00:00Z", "text": "token rotated"}""";
        var (body, problem) = await JsonBody.ReadAsync<NoteRequest>(http.Request, example, ct);
        if (problem is not null) return problem;
        if (body!.Start is null) return ApiProblems.BadParameter("start", "is required");
        if (!ExportApi.TryParseTime(body.Start, out var start)) return ExportApi.BadTime("start");
        DateTime? end = null;
        if (body.End is not null)
        {
            if (!ExportApi.TryParseTime(body.End, out var parsed)) return ExportApi.BadTime("end");
            end = parsed;
        }
        if (NoteRules.Check(start, end, body.Text) is { } bad) return ApiProblems.BadParameter(bad.Field, bad.Problem);

        var note = await notes.AddAsync(start, end, body.Text!, Actor.Of(http), ct);
        return TypedResults.Created((string?)null, note);
    }

    private static async Task<IResult> DeleteAsync(string id, NoteCommands notes, HttpContext http, CancellationToken ct)
    {
        // Parsed by hand, like every other parameter: a route constraint would answer a bare 404 for "abc".
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var noteId) || noteId < 1)
        {
            return ApiProblems.BadParameter("id", $"must be a whole number from 1 to {long.MaxValue}");
        }
        return await notes.DeleteAsync(noteId, Actor.Of(http), ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "No such note", detail: $"There is no timeline note #{noteId}.",
                statusCode: StatusCodes.Status404NotFound);
    }
}
