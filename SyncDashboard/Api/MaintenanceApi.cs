using System.Globalization;
using SyncDashboard.Access;
using SyncDashboard.Configuration;
using SyncDashboard.Maintenance;

namespace SyncDashboard.Api;

/// <summary><c>/api/maintenance</c>: maintenance windows: list them, create one (scheduled or ad hoc), end one early,
/// delete one.</summary>
public static class MaintenanceApi
{
    public static RouteGroupBuilder MapMaintenanceApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Maintenance");
        group.MapGet("/maintenance", ListAsync)
            .WithSummary("Maintenance windows")
            .WithDescription("Every window: active first, then upcoming (soonest first), then past (newest first), each " +
                "with its occurrence in progress or next, and the notifications it held back (the newest " +
                $"{MaintenanceQueries.SuppressedShown}, and how many in all).")
            .Produces<IReadOnlyList<MaintenanceRow>>();
        group.MapPost("/maintenance", AddAsync)
            .RequireAuthorization(AccessPolicies.Operate)
            .WithSummary("Create a maintenance window")
            .WithDescription("Scheduled: {\"reason\": \"database upgrade\", \"cron\": \"0 2 * * SUN\", \"timeZone\": " +
                "\"Europe/Berlin\", \"durationMinutes\": 120}: each occurrence starts at the cron's time (five fields) in " +
                "the IANA zone, daylight saving included. Ad hoc: {\"reason\": \"token rotation\", \"durationMinutes\": 120} " +
                "starts now, or at `start` (ISO-8601 with a zone, not in the past). `durationMinutes` is 1.." +
                $"{MaintenanceRules.MaxDurationMinutes}; `pauseSyncing` and `excludeFromSlo` default to false. During a " +
                "window notifications are recorded as suppressed (one summary after it if the problem outlived it); " +
                "with `pauseSyncing` the runs a pause holds wait for its end; with `excludeFromSlo` its time counts " +
                "neither way in uptime and the SLO budgets. 201 with the window; 400 naming the field at fault. " +
                "Audited as AddMaintenance.")
            .Accepts<MaintenanceRequest>("application/json")
            .Produces<MaintenanceRow>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        group.MapPost("/maintenance/{id}/end", EndAsync)
            .RequireAuthorization(AccessPolicies.Operate)
            .WithSummary("End a maintenance window now")
            .WithDescription("The occurrence in progress stops now and a scheduled window stops recurring. 204 when " +
                "ended, 404 for no such window, 409 when nothing is left of it to end. Audited as EndMaintenance.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/maintenance/{id}", DeleteAsync)
            .RequireAuthorization(AccessPolicies.Operate)
            .WithSummary("Delete a maintenance window")
            .WithDescription("Removes the window and the time it left out of uptime and the SLO budgets; what it held " +
                "back stays recorded. 204 when deleted, 404 for no such window. Audited as DeleteMaintenance.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<IResult> ListAsync(MaintenanceQueries maintenance, CancellationToken ct) =>
        TypedResults.Ok(await maintenance.ListAsync(ServiceName.Todoist, ct));

    private static async Task<IResult> AddAsync(
        MaintenanceCommands commands, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        const string example = """{"reason": "token rotation", "durationMinutes": 120}""";
        var (body, problem) = await JsonBody.ReadAsync<MaintenanceRequest>(http.Request, example, ct);
        if (problem is not null) return problem;
        DateTime? start = null;
        if (body!.Start is not null)
        {
            if (!ExportApi.TryParseTime(body.Start, out var parsed)) return ExportApi.BadTime("start");
            start = parsed;
        }
        if (body.DurationMinutes is null) return ApiProblems.BadParameter("durationMinutes", "is required");
        var draft = new MaintenanceDraft(body.Reason, body.Cron, body.TimeZone, start, body.DurationMinutes.Value,
            body.PauseSyncing ?? false, body.ExcludeFromSlo ?? false);
        if (MaintenanceRules.Check(draft, time.GetUtcNow().UtcDateTime) is { } bad) return ApiProblems.BadParameter(bad.Field, bad.Problem);

        var window = await commands.AddAsync(draft, Actor.Of(http), ct);
        return TypedResults.Created((string?)null, window);
    }

    private static async Task<IResult> EndAsync(string id, MaintenanceCommands commands, HttpContext http, CancellationToken ct)
    {
        if (!TryParseId(id, out var windowId)) return BadId();
        return await commands.EndAsync(windowId, Actor.Of(http), ct) switch
        {
            EndMaintenanceResult.Ended => TypedResults.NoContent(),
            EndMaintenanceResult.NotFound => NotFound(windowId),
            _ => TypedResults.Problem(title: "Already over",
                detail: $"Maintenance window #{windowId} has nothing left to end.", statusCode: StatusCodes.Status409Conflict),
        };
    }

    private static async Task<IResult> DeleteAsync(string id, MaintenanceCommands commands, HttpContext http, CancellationToken ct)
    {
        if (!TryParseId(id, out var windowId)) return BadId();
        return await commands.DeleteAsync(windowId, Actor.Of(http), ct) ? TypedResults.NoContent() : NotFound(windowId);
    }

    // Parsed by hand, like every other parameter: a route constraint would answer a bare 404 for "abc".
    private static bool TryParseId(string id, out long windowId) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out windowId) && windowId >= 1;

    private static IResult BadId() => ApiProblems.BadParameter("id", $"must be a whole number from 1 to {long.MaxValue}");

    private static IResult NotFound(long id) => TypedResults.Problem(title: "No such maintenance window",
        detail: $"There is no maintenance window #{id}.", statusCode: StatusCodes.Status404NotFound);
}
