using SyncDashboard.Alerts;

namespace SyncDashboard.Api;

/// <summary><c>GET /api/monitoring/notifications</c>: the alert notifications sent, with their delivery outcome.</summary>
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
        return group;
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
