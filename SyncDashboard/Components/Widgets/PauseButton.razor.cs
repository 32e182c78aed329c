using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SyncDashboard.Access;
using SyncDashboard.Sync;

namespace SyncDashboard.Components.Widgets;

/// <summary>Pause or resume the app's own syncing through <see cref="PauseCommands"/> (which audits it). The page
/// reloads through the monitoring notifier, so <see cref="IsPaused"/> flips for every open browser at once.</summary>
public sealed partial class PauseButton
{
    [Inject] private PauseCommands Commands { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private ILogger<PauseButton> Logger { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    [Parameter, EditorRequired] public bool IsPaused { get; set; }

    private bool changing;

    private bool CanChange => RendererInfo.IsInteractive && !changing;

    private async Task ChangeAsync(bool pause)
    {
        if (!await Authorization.MayOperateAsync(AuthState))
        {
            Snackbar.Add(OperateCheck.Refusal, Severity.Error);
            return;
        }
        changing = true;
        try
        {
            var actor = await Actor.OfAsync(AuthState);
            var changed = pause
                ? await Commands.PauseAsync(actor, CancellationToken.None)
                : await Commands.ResumeAsync(actor, CancellationToken.None);
            if (!changed) Snackbar.Add(pause ? "Syncing was already paused." : "Syncing was not paused.", Severity.Info);
            else if (pause) Snackbar.Add("Syncing paused: scheduled and retry runs wait; Sync now still runs.", Severity.Warning);
            else Snackbar.Add("Syncing resumed: the schedule runs again.", Severity.Success);
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Pause or resume failed");
            Snackbar.Add("Syncing could not be paused or resumed; see the server log.", Severity.Error);
        }
        finally
        {
            changing = false;
        }
    }
}
