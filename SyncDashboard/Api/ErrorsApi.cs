using System.Globalization;
using SyncDashboard.Access;
using SyncDashboard.Sync;

namespace SyncDashboard.Api;

/// <summary><c>POST /api/errors/{id}/resolve</c> and <c>/retry</c>: end a failure chain by hand, or retry it now.</summary>
public static class ErrorsApi
{
    public sealed record RetryQueued(long ChainId, string JobId);

    public static RouteGroupBuilder MapErrorsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/errors/{id}").WithTags("Errors").RequireAuthorization(AccessPolicies.Operate);
        group.MapPost("/resolve", ResolveAsync)
            .WithSummary("Resolve a failure chain by hand")
            .WithDescription("Ends the chain as resolved (Manual) and cancels its pending retry. 404 for no such chain, " +
                "409 when it is already resolved. Audited as ResolveError.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/retry", RetryAsync)
            .WithSummary("Retry a failure chain now")
            .WithDescription("Queues the chain's retry now instead of at its scheduled time. 404 for no such chain, " +
                "409 when it is already resolved or while syncing is paused (the detail says which). Audited as RetryNow.")
            .Produces<RetryQueued>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<IResult> ResolveAsync(string id, ErrorCommands errors, HttpContext http, CancellationToken ct)
    {
        if (!TryParseId(id, out var chainId)) return BadId();
        var result = await errors.ResolveAsync(chainId, Actor.Of(http), ct);
        return result.Status switch
        {
            ChainActionStatus.Done => TypedResults.NoContent(),
            ChainActionStatus.NotFound => NotFound(chainId),
            _ => AlreadyResolved(chainId),
        };
    }

    private static async Task<IResult> RetryAsync(string id, ErrorCommands errors, HttpContext http, CancellationToken ct)
    {
        if (!TryParseId(id, out var chainId)) return BadId();
        var result = await errors.RetryNowAsync(chainId, Actor.Of(http), ct);
        return result.Status switch
        {
            ChainActionStatus.Done => TypedResults.Accepted((string?)null, new RetryQueued(chainId, result.JobId!)),
            ChainActionStatus.NotFound => NotFound(chainId),
            ChainActionStatus.Paused => TypedResults.Problem(title: "Syncing is paused",
                detail: $"Failure chain #{chainId} was not retried: {ErrorCommands.PausedReason}.",
                statusCode: StatusCodes.Status409Conflict),
            _ => AlreadyResolved(chainId),
        };
    }

    /// <summary>Parsed by hand, like every other parameter: a route constraint would answer a bare 404 for "abc".</summary>
    private static bool TryParseId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id >= 1;

    private static IResult BadId() => ApiProblems.BadParameter("id", $"must be a whole number from 1 to {long.MaxValue}");

    private static IResult NotFound(long id) =>
        TypedResults.Problem(title: "No such failure chain", detail: $"There is no failure chain #{id}.",
            statusCode: StatusCodes.Status404NotFound);

    private static IResult AlreadyResolved(long id) =>
        TypedResults.Problem(title: "Already resolved", detail: $"Failure chain #{id} is already resolved.",
            statusCode: StatusCodes.Status409Conflict);
}
