using SyncDashboard.Monitoring;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;

namespace SyncDashboard.Api;

/// <summary><c>/api/monitoring/*</c>: the read side as JSON.</summary>
public static class MonitoringApi
{
    public const int DefaultEventLimit = 50;
    public const int DefaultErrorLimit = 50;

    public static RouteGroupBuilder MapMonitoringApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/monitoring").WithTags("Monitoring");
        group.MapGet("/events", GetEventsAsync)
            .WithSummary("List sync events, latest first")
            .WithDescription("Filters: status (Started, Succeeded, Failed), type (Full, Incremental, Webhook), trigger " +
                $"(Schedule, Manual, Retry, Webhook, Startup); limit 1..{EventQueries.MaxLimit} (default {DefaultEventLimit}). " +
                "When there are older events, the Link header (rel=\"next\") carries the URL of the next page.")
            .Produces<IReadOnlyList<EventRow>>()
            .ProducesValidationProblem();
        group.MapGet("/state", (StateQueries state, CancellationToken ct) => state.GetAsync(SyncEngine.Service, ct))
            .WithSummary("Sync state")
            .WithDescription("The sync state of the Todoist service and how many objects the mirror holds.");
        group.MapGet("/errors", GetErrorsAsync)
            .WithSummary("Error report")
            .WithDescription("Open failure chains (all with includeResolved=true), grouped by kind, each with its " +
                $"attempts and the time to its next retry; limit 1..{ErrorQueries.MaxLimit} (default {DefaultErrorLimit}).")
            .Produces<ErrorReport>()
            .ProducesValidationProblem();
        return group;
    }

    /// <summary>Latest first. Filters: <c>status</c>, <c>type</c>, <c>trigger</c>; paging: the response's
    /// <c>Link: &lt;…&gt;; rel="next"</c> header carries the cursor of the next, older page.</summary>
    private static async Task<IResult> GetEventsAsync(
        string? limit, string? status, string? type, string? trigger, string? cursor,
        EventQueries events, HttpContext http, CancellationToken ct)
    {
        // Parsed by hand: a bad value gets a problem-details body naming the parameter, not a bare 400.
        var count = DefaultEventLimit;
        if (limit is not null && (!int.TryParse(limit, out count) || count < 1 || count > EventQueries.MaxLimit))
        {
            return ApiProblems.BadParameter("limit", $"must be a whole number from 1 to {EventQueries.MaxLimit}");
        }
        if (!TryParseEnum<SyncStatus>(status, out var statusFilter)) return ApiProblems.BadEnum<SyncStatus>("status");
        if (!TryParseEnum<SyncType>(type, out var typeFilter)) return ApiProblems.BadEnum<SyncType>("type");
        if (!TryParseEnum<SyncTrigger>(trigger, out var triggerFilter)) return ApiProblems.BadEnum<SyncTrigger>("trigger");
        EventCursor? after = null;
        if (cursor is not null && !EventCursor.TryDecode(cursor, out after))
        {
            return ApiProblems.BadParameter("cursor", "is not a cursor this API handed out");
        }

        var page = await events.PageAsync(SyncEngine.Service, new EventFilter(statusFilter, typeFilter, triggerFilter),
            count, after, ct);
        if (page.Next is { } next)
        {
            var query = QueryString.Create(http.Request.Query
                .Where(q => q.Key != "cursor")
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                .Append(new("cursor", next.Encode())));
            http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}{query}>; rel=\"next\"";
        }
        return TypedResults.Ok(page.Events);
    }

    /// <summary>The error report: open failure chains (all with <c>includeResolved=true</c>), grouped by kind, each
    /// with its attempts and the time to its next retry.</summary>
    private static async Task<IResult> GetErrorsAsync(
        string? includeResolved, string? limit, ErrorQueries errors, CancellationToken ct)
    {
        var all = false;
        if (includeResolved is not null && !bool.TryParse(includeResolved, out all))
        {
            return ApiProblems.BadParameter("includeResolved", "must be true or false");
        }
        var count = DefaultErrorLimit;
        if (limit is not null && (!int.TryParse(limit, out count) || count < 1 || count > ErrorQueries.MaxLimit))
        {
            return ApiProblems.BadParameter("limit", $"must be a whole number from 1 to {ErrorQueries.MaxLimit}");
        }
        return TypedResults.Ok(await errors.ReportAsync(SyncEngine.Service, all, count, ct));
    }

    private static bool TryParseEnum<T>(string? text, out T? value) where T : struct, Enum
    {
        value = null;
        if (text is null) return true;
        // Names only: Enum.TryParse would also take "7" and invent a member.
        if (!Enum.GetNames<T>().Any(n => n.Equals(text, StringComparison.OrdinalIgnoreCase))) return false;
        value = Enum.Parse<T>(text, ignoreCase: true);
        return true;
    }
}
