using SyncDashboard.Access;
using SyncDashboard.Alerts;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Api;

/// <summary><c>GET /api/monitoring/notifications</c>: the alert notifications sent, with their delivery outcome;
/// <c>POST /api/alerts/{code}/acknowledge</c>: acknowledge an active alert with a note.</summary>
public static class AlertsApi
{
    public const int DefaultNotificationLimit = 50;

    public static RouteGroupBuilder MapAlertsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/monitoring").WithTags("Alerts");
        group.MapGet("/notifications", GetNotificationsAsync)
            .WithSummary("Alert notifications, newest first")
            .WithDescription("Every notification decided by the flap control, one per channel (Webhook, Email), with " +
                "its kind (StatusChanged, Recovered, CriticalAlert, Reminder), status change, alert codes and delivery " +
                $"outcome (Pending, Sent, Failed) with attempts and the last error; limit 1..{AlertQueries.MaxLimit} " +
                $"(default {DefaultNotificationLimit}).")
            .Produces<IReadOnlyList<NotificationRow>>()
            .ProducesValidationProblem();
        routes.MapPost("/api/alerts/{code}/acknowledge", AcknowledgeAsync).WithTags("Alerts")
            .RequireAuthorization(AccessPolicies.Operate)
            .WithSummary("Acknowledge an active alert")
            .WithDescription("code is an alert code (STALE_DATA, CONSECUTIVE_FAILURES, …; case-insensitive); the body is " +
                $"{{\"note\": \"…\"}}, 1..{AlertAcknowledgement.MaxNoteLength} characters, no control characters but line breaks. " +
                "While every alert raised is acknowledged no reminder is sent; status changes, new critical alerts and " +
                "the recovery still are. The acknowledgement ends by itself the first time health is evaluated without " +
                "the alert, so its next occurrence is news again. 400 for an unknown code or a bad note, 409 when the " +
                "alert is not active now. Acknowledging again adds another note. Audited as AcknowledgeAlert.")
            .Accepts<AcknowledgeRequest>("application/json")
            .Produces<AcknowledgementRow>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<IResult> AcknowledgeAsync(
        string code, AcknowledgementCommands acknowledgements, HttpContext http, CancellationToken ct)
    {
        if (AcknowledgementCommands.CodeOf(code) is not { } known)
        {
            return ApiProblems.BadParameter("code", $"must be an alert code: {string.Join(", ", AlertCodes.All)}");
        }
        var (body, problem) = await JsonBody.ReadAsync<AcknowledgeRequest>(http.Request, "{\"note\": \"on it\"}", ct);
        if (problem is not null) return problem;
        if (AcknowledgementCommands.NoteProblem(body!.Note) is { } bad) return ApiProblems.BadParameter("note", bad);

        var result = await acknowledgements.AcknowledgeAsync(known, body.Note!, Actor.Of(http), ct);
        return result.Status == AcknowledgeStatus.Done
            ? TypedResults.Ok(result.Acknowledgement)
            : TypedResults.Problem(title: "Alert not active",
                detail: $"{known} is not raised now, so there is nothing to acknowledge.",
                statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> GetNotificationsAsync(string? limit, AlertQueries alerts, CancellationToken ct)
    {
        // Parsed by hand: a bad value gets a problem-details body naming the parameter, not a bare 400.
        var count = DefaultNotificationLimit;
        if (limit is not null && (!int.TryParse(limit, out count) || count < 1 || count > AlertQueries.MaxLimit))
        {
            return ApiProblems.BadParameter("limit", $"must be a whole number from 1 to {AlertQueries.MaxLimit}");
        }
        return TypedResults.Ok(await alerts.RecentAsync(count, ct));
    }
}
