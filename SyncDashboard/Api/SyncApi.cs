using SyncDashboard.Access;
using SyncDashboard.Data;
using Microsoft.Extensions.Options;
using SyncDashboard.Sync;
using SyncDashboard.Sync.Verification;

namespace SyncDashboard.Api;

/// <summary><c>POST /api/sync?type=incremental|full</c>: queue a sync now.</summary>
public static class SyncApi
{
    public sealed record Queued(string JobId, SyncType Type);

    public static RouteHandlerBuilder MapSyncApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/sync", RequestSyncAsync).WithTags("Sync")
            .RequireAuthorization(AccessPolicies.Operate)
            .WithSummary("Queue a sync now")
            .WithDescription("type=incremental (default) or full. 202 with the Hangfire job id; 409 while a sync is " +
                "running (the problem's detail says so). Runs while syncing is paused: pausing holds back only the " +
                "app's own runs. Audited as SyncNow.")
            .Produces<Queued>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary><c>POST /api/sync/verify</c>: a full sync now, which verifies the mirror before replacing it.</summary>
    public static RouteHandlerBuilder MapVerifyApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/sync/verify", RequestVerificationAsync).WithTags("Sync")
            .RequireAuthorization(AccessPolicies.Operate)
            .WithSummary("Verify the mirror now")
            .WithDescription("Queues a full sync, which first compares the mirror with Todoist (see GET " +
                "/api/monitoring/verifications) and then replaces it. 202 with the Hangfire job id; 409 while a sync is " +
                "running or when Verification:Enabled is false. Costs one full and three incremental calls to Todoist. " +
                "Audited as SyncNow.")
            .Produces<Queued>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> RequestVerificationAsync(
        SyncCommands commands, IOptions<VerificationOptions> verification, HttpContext http, CancellationToken ct)
    {
        if (!verification.Value.Enabled)
        {
            return TypedResults.Problem(title: "Verification is off",
                detail: "Verification:Enabled is false, so a full sync would replace the mirror without comparing it.",
                statusCode: StatusCodes.Status409Conflict);
        }
        var result = await commands.RequestSyncAsync(SyncType.Full, Actor.Of(http), ct);
        return result.Accepted
            ? TypedResults.Accepted((string?)null, new Queued(result.JobId!, SyncType.Full))
            : TypedResults.Problem(title: "Verification refused", detail: result.RefusedBecause, statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> RequestSyncAsync(
        string? type, SyncCommands commands, HttpContext http, CancellationToken ct)
    {
        SyncType? syncType = (type ?? "incremental").ToLowerInvariant() switch
        {
            "incremental" => SyncType.Incremental,
            "full" => SyncType.Full,
            _ => null,
        };
        if (syncType is null) return ApiProblems.BadParameter("type", "must be 'incremental' or 'full'");

        var result = await commands.RequestSyncAsync(syncType.Value, Actor.Of(http), ct);
        return result.Accepted
            ? TypedResults.Accepted((string?)null, new Queued(result.JobId!, syncType.Value))
            : TypedResults.Problem(title: "Sync refused", detail: result.RefusedBecause, statusCode: StatusCodes.Status409Conflict);
    }
}
