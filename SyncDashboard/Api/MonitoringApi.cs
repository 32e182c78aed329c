using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;

namespace SyncDashboard.Api;

/// <summary><c>/api/monitoring/*</c>: the read side as JSON.</summary>
public static class MonitoringApi
{
    public const int DefaultEventLimit = 50;

    public static RouteGroupBuilder MapMonitoringApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/monitoring").WithTags("Monitoring");
        group.MapGet("/events", GetEventsAsync);
        group.MapGet("/state", (StateQueries state, CancellationToken ct) => state.GetAsync(SyncEngine.Service, ct));
        return group;
    }

    private static async Task<IResult> GetEventsAsync(string? limit, EventQueries events, CancellationToken ct)
    {
        // Parsed by hand: a bad value gets a problem-details body naming the parameter, not a bare 400.
        var count = DefaultEventLimit;
        if (limit is not null && (!int.TryParse(limit, out count) || count < 1 || count > EventQueries.MaxLimit))
        {
            return ApiProblems.BadParameter("limit", $"must be a whole number from 1 to {EventQueries.MaxLimit}");
        }
        return TypedResults.Ok(await events.LatestAsync(SyncEngine.Service, count, ct));
    }
}
