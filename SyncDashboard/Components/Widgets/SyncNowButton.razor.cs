using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SyncDashboard.Data;
using SyncDashboard.Sync;

namespace SyncDashboard.Components.Widgets;

/// <summary>"Sync now" (incremental) with a full sync behind its menu. Queues a Hangfire job through
/// <see cref="SyncCommands"/> (which audits it) and says in a snackbar what happened.</summary>
public sealed partial class SyncNowButton
{
    [Inject] private SyncCommands Commands { get; set; } = default!;
    [Inject] private OperatorAction Operator { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    /// <summary>Whether syncing is paused, only to say in the confirmation that this run goes ahead anyway.</summary>
    [Parameter] public bool IsPaused { get; set; }

    // Disabled while prerendered: a click before the circuit is up would do nothing.
    private bool CanRequest => RendererInfo.IsInteractive && !Operator.IsRunning;

    private Task RequestAsync(SyncType type) =>
        Operator.RunAsync($"{type} sync now", AuthState, "Sync could not be queued; see the server log.",
            async actor => Outcome(type, await Commands.RequestSyncAsync(type, actor, CancellationToken.None)));

    private ActionOutcome Outcome(SyncType type, SyncRequestResult result) =>
        result.Accepted
            ? new($"{type} sync queued (job {result.JobId}).{(IsPaused ? " It runs although syncing is paused." : "")}",
                Severity.Success)
            : new($"Sync not queued: {result.RefusedBecause}.", Severity.Warning);
}
