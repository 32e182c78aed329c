using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SyncDashboard.Sync;

namespace SyncDashboard.Components.Widgets;

/// <summary>Pause or resume the app's own syncing through <see cref="PauseCommands"/> (which audits it). The page
/// reloads through the monitoring notifier, so <see cref="IsPaused"/> flips for every open browser at once.</summary>
public sealed partial class PauseButton
{
    [Inject] private PauseCommands Commands { get; set; } = default!;
    [Inject] private OperatorAction Operator { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    [Parameter, EditorRequired] public bool IsPaused { get; set; }

    private bool CanChange => RendererInfo.IsInteractive && !Operator.IsRunning;

    private Task ChangeAsync(bool pause) =>
        Operator.RunAsync(pause ? "Pause" : "Resume", AuthState,
            "Syncing could not be paused or resumed; see the server log.",
            async actor => Outcome(pause, pause
                ? await Commands.PauseAsync(actor, CancellationToken.None)
                : await Commands.ResumeAsync(actor, CancellationToken.None)));

    private static ActionOutcome Outcome(bool pause, bool changed) => (pause, changed) switch
    {
        (true, false) => new("Syncing was already paused.", Severity.Info),
        (false, false) => new("Syncing was not paused.", Severity.Info),
        (true, true) => new("Syncing paused: scheduled and retry runs wait; Sync now still runs.", Severity.Warning),
        (false, true) => new("Syncing resumed: the schedule runs again.", Severity.Success),
    };
}
