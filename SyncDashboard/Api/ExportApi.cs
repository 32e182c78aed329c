using System.Globalization;
using SyncDashboard.Configuration;
using SyncDashboard.Monitoring.Notes;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Api;

/// <summary><c>GET /api/monitoring/events.csv|.json?from=&amp;to=</c>: every event that started in [from, to), oldest
/// first, streamed: rows go out as the database hands them over, so the size of an export is bounded by the range, not
/// by the server's memory.</summary>
public static class ExportApi
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(30);

    /// <summary>Rows between flushes: enough to fill a few network packets, few enough that the first bytes leave soon
    /// and the pipe never holds more than a few hundred kilobytes.</summary>
    private const int RowsPerFlush = 500;

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    public static RouteGroupBuilder MapExportApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/monitoring").WithTags("Export");
        group.MapGet("/events.csv", ExportCsvAsync)
            .WithSummary("Export events as CSV")
            .WithDescription("Every event that started in [from, to), oldest first, as RFC 4180 CSV with a header row, " +
                "streamed. `from` and `to` are ISO-8601 times with a zone (e.g. 2026-11-01T00:00:00Z); `to` defaults to " +
                "now and `from` to 30 days before `to`; the range is at most 400 days. Text starting with =, +, -, @ " +
                "is prefixed with ' so spreadsheets do not run it as a formula.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem();
        group.MapGet("/events.json", ExportJsonAsync)
            .WithSummary("Export events as JSON")
            .WithDescription("The same rows as events.csv, as a JSON array of events (the shape of GET /api/monitoring/events), " +
                "streamed.")
            .Produces<IAsyncEnumerable<EventRow>>()
            .ProducesValidationProblem();
        group.MapGet("/verifications.csv", ExportVerificationsCsvAsync)
            .WithSummary("Export mirror verifications as CSV")
            .WithDescription("Every verification made in [from, to), oldest first, as CSV (the same range rules as " +
                "events.csv): outcome, counts, the differences per resource type and their examples (kind, type, id, name).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem();
        group.MapGet("/verifications.json", ExportVerificationsJsonAsync)
            .WithSummary("Export mirror verifications as JSON")
            .WithDescription("The same rows as verifications.csv, in the shape of GET /api/monitoring/verifications.")
            .Produces<IAsyncEnumerable<VerificationRow>>()
            .ProducesValidationProblem();
        group.MapGet("/notes.csv", ExportNotesCsvAsync)
            .WithSummary("Export timeline notes as CSV")
            .WithDescription("Every operator's note on the timeline that touches [from, to) (a range that overlaps it, " +
                "a moment inside it), oldest first, as CSV (the same range rules as events.csv): id, start, end (empty " +
                "for a moment), text, who wrote it and when.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem();
        group.MapGet("/notes.json", ExportNotesJsonAsync)
            .WithSummary("Export timeline notes as JSON")
            .WithDescription("The same rows as notes.csv, in the shape of GET /api/notes.")
            .Produces<IAsyncEnumerable<NoteRow>>()
            .ProducesValidationProblem();
        return group;
    }

    private static Task<IResult> ExportNotesCsvAsync(
        string? from, string? to, NoteQueries notes, TimeProvider time, HttpContext http, CancellationToken ct) =>
        CsvAsync(from, to, time, http, "timeline-notes",
            ["id", "start", "end", "text", "createdBy", "createdAt"],
            (start, end) => notes.RangeAsync(ServiceName.Todoist, start, end, ct),
            (csv, n) => csv.Number(n.Id).Time(n.Start).Time(n.End).Text(n.Text).Text(n.CreatedBy).Time(n.CreatedAt), ct);

    private static IResult ExportNotesJsonAsync(
        string? from, string? to, NoteQueries notes, TimeProvider time, HttpContext http, CancellationToken ct) =>
        Json(from, to, time, http, "timeline-notes", (start, end) => notes.RangeAsync(ServiceName.Todoist, start, end, ct));

    private static Task<IResult> ExportVerificationsCsvAsync(
        string? from, string? to, VerificationQueries verifications, TimeProvider time, HttpContext http, CancellationToken ct) =>
        CsvAsync(from, to, time, http, "mirror-verifications",
            ["id", "verifiedAt", "outcome", "missing", "extra", "changed", "byType", "examples", "alignAttempts",
                "extraCalls", "note", "syncEventId"],
            (start, end) => verifications.RangeAsync(ServiceName.Todoist, start, end, ct),
            (csv, v) => csv.Number(v.Id).Time(v.VerifiedUtc).Text(v.Outcome.ToString()).Number(v.Missing).Number(v.Extra)
                .Number(v.Changed)
                .Text(string.Join("; ", v.ByType.Select(t => $"{t.ResourceType}: {t.Missing} missing, {t.Extra} extra, {t.Changed} changed")))
                .Text(string.Join("; ", v.ByType.SelectMany(t => t.Examples.Select(e => $"{e.Kind} {t.ResourceType} {e.Id} ({e.Name})"))))
                .Number(v.AlignAttempts).Number(v.ExtraCalls).Text(v.Note).Number(v.SyncEventId), ct);

    private static IResult ExportVerificationsJsonAsync(
        string? from, string? to, VerificationQueries verifications, TimeProvider time, HttpContext http, CancellationToken ct) =>
        Json(from, to, time, http, "mirror-verifications",
            (start, end) => verifications.RangeAsync(ServiceName.Todoist, start, end, ct));

    private static Task<IResult> ExportCsvAsync(
        string? from, string? to, EventQueries events, TimeProvider time, HttpContext http, CancellationToken ct) =>
        CsvAsync(from, to, time, http, "sync-events",
            ["id", "type", "trigger", "status", "startedAt", "completedAt", "durationMs", "itemsProcessed", "itemsAdded",
                "itemsUpdated", "itemsDeleted", "errorCode", "errorMessage", "httpStatus", "attempt", "errorChainId", "jobId"],
            (start, end) => events.RangeAsync(ServiceName.Todoist, start, end, ct),
            (csv, e) => csv.Number(e.Id).Text(e.Type.ToString()).Text(e.Trigger.ToString()).Text(e.Status.ToString())
                .Time(e.StartedAt).Time(e.CompletedAt).Number(e.DurationMs).Number(e.ItemsProcessed)
                .Number(e.ItemsAdded).Number(e.ItemsUpdated).Number(e.ItemsDeleted).Text(e.ErrorCode)
                .Text(e.ErrorMessage).Number(e.HttpStatus).Number(e.Attempt).Number(e.ErrorChainId).Text(e.JobId), ct);

    private static IResult ExportJsonAsync(
        string? from, string? to, EventQueries events, TimeProvider time, HttpContext http, CancellationToken ct) =>
        Json(from, to, time, http, "sync-events", (start, end) => events.RangeAsync(ServiceName.Todoist, start, end, ct));

    /// <summary>Every CSV export: the range checked, a header row, then the rows streamed as the database hands them
    /// over.</summary>
    private static async Task<IResult> CsvAsync<T>(
        string? from, string? to, TimeProvider time, HttpContext http, string what, string[] columns,
        Func<DateTime, DateTime, IAsyncEnumerable<T>> rows, Action<CsvWriter, T> write, CancellationToken ct)
    {
        var range = ParseRange(from, to, time);
        if (range.Problem is not null) return range.Problem;
        var (start, end) = (range.From!.Value, range.To!.Value);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = Attachment(what, start, end, "csv");

        var body = http.Response.BodyWriter;
        var csv = new CsvWriter(body);
        foreach (var column in columns) csv.Text(column);
        csv.EndRow();
        var count = 0;
        await foreach (var row in rows(start, end))
        {
            write(csv, row);
            csv.EndRow();
            // The pipe grows without bound until flushed; a flush also waits while the client is slow (back-pressure).
            if (++count % RowsPerFlush == 0) await body.FlushAsync(ct);
        }
        await body.FlushAsync(ct);
        return TypedResults.Empty;
    }

    /// <summary>Every JSON export. System.Text.Json writes an <see cref="IAsyncEnumerable{T}"/> element by element and
    /// flushes as its buffer fills, so this streams as the CSV does (the export test checks it).</summary>
    private static IResult Json<T>(
        string? from, string? to, TimeProvider time, HttpContext http, string what,
        Func<DateTime, DateTime, IAsyncEnumerable<T>> rows)
    {
        var range = ParseRange(from, to, time);
        if (range.Problem is not null) return range.Problem;
        var (start, end) = (range.From!.Value, range.To!.Value);
        http.Response.Headers.ContentDisposition = Attachment(what, start, end, "json");
        return TypedResults.Ok(rows(start, end));
    }

    private static readonly DateTime FirstTime = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);

    internal sealed record Range(DateTime? From, DateTime? To, IResult? Problem);

    /// <summary>A range as every export takes it (also <c>GET /api/notes</c>): see the description of events.csv.</summary>
    internal static Range ParseRange(string? from, string? to, TimeProvider time)
    {
        DateTime end;
        if (to is null) end = time.GetUtcNow().UtcDateTime;
        else if (!TryParseTime(to, out end)) return new(null, null, BadTime("to"));
        DateTime start;
        // Near year 1 the default range would reach before the first representable time.
        if (from is null) start = end.Ticks > DefaultRange.Ticks ? end - DefaultRange : FirstTime;
        else if (!TryParseTime(from, out start)) return new(null, null, BadTime("from"));
        if (end <= start) return new(null, null, ApiProblems.BadParameter("to", "must be later than 'from'"));
        if (end - start > MaxRange)
        {
            return new(null, null, ApiProblems.BadParameter("to", $"must be at most {MaxRange.TotalDays:0} days after 'from'"));
        }
        return new(start, end, null);
    }

    /// <summary>A time with its zone, never a bare local time: the server's zone is nobody's business.</summary>
    internal static bool TryParseTime(string text, out DateTime utc)
    {
        var ok = DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var parsed);
        utc = ok ? parsed.UtcDateTime : default;
        return ok;
    }

    internal static IResult BadTime(string parameter) =>
        ApiProblems.BadParameter(parameter, "must be an ISO-8601 time with a zone, such as 2026-11-01T00:00:00Z");

    private static string Attachment(string what, DateTime from, DateTime to, string extension) =>
        $"attachment; filename=\"{what}-{Compact(from)}-{Compact(to)}.{extension}\"";

    /// <summary>ISO 8601 basic format: no colons, which some file systems refuse.</summary>
    private static string Compact(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
