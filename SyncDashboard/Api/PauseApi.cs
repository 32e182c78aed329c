using SyncDashboard.Access;
using SyncDashboard.Sync;

namespace SyncDashboard.Api;

/// <summary><c>POST /api/sync/pause</c> and <c>/resume</c>: stop and restart the app's own syncing.</summary>
public static class PauseApi
{
    /// <param name="Changed">False when it already was in the state asked for (then nothing is audited).</param>
    public sealed record PauseStatus(bool Paused, bool Changed);

    public static RouteGroupBuilder MapPauseApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sync").WithTags("Sync").RequireAuthorization(AccessPolicies.Operate);
        group.MapPost("/pause", PauseAsync)
            .WithSummary("Pause syncing")
            .WithDescription("Recurring (scheduled), start-up, webhook and retry runs are held back and record nothing " +
                "until resumed; POST /api/sync (Sync now) still runs. Idempotent: 200 either way, `changed` says whether " +
                "this call paused it. Audited as Pause.")
            .Produces<PauseStatus>();
        group.MapPost("/resume", ResumeAsync)
            .WithSummary("Resume syncing")
            .WithDescription("Undoes a pause: the schedule runs again, and a retry that came due while paused is " +
                "scheduled at once. Idempotent: 200 either way, `changed` says whether this call resumed it. Audited as " +
                "Resume.")
            .Produces<PauseStatus>();
        return group;
    }

    private static async Task<IResult> PauseAsync(PauseCommands commands, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(new PauseStatus(Paused: true, await commands.PauseAsync(Actor.Of(http), ct)));

    private static async Task<IResult> ResumeAsync(PauseCommands commands, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(new PauseStatus(Paused: false, await commands.ResumeAsync(Actor.Of(http), ct)));
}
