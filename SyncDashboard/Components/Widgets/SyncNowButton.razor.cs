using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SyncDashboard.Access;
using SyncDashboard.Data;
using SyncDashboard.Sync;

namespace SyncDashboard.Components.Widgets;

/// <summary>"Sync now" (incremental) with a full sync behind its menu. Queues a Hangfire job through
/// <see cref="SyncCommands"/> (which audits it) and says in a snackbar what happened.</summary>
public sealed partial class SyncNowButton
{
    [Inject] private SyncCommands Commands { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private ILogger<SyncNowButton> Logger { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    /// <summary>Whether syncing is paused, only to say in the confirmation that this run goes ahead anyway.</summary>
    [Parameter] public bool IsPaused { get; set; }

    private bool requesting;

    // Disabled while prerendered: a click before the circuit is up would do nothing.
    private bool CanRequest => RendererInfo.IsInteractive && !requesting;

    private async Task RequestAsync(SyncType type)
    {
        if (!await Authorization.MayOperateAsync(AuthState))
        {
            Snackbar.Add(OperateCheck.Refusal, Severity.Error);
            return;
        }
        requesting = true;
        try
        {
            var actor = await Actor.OfAsync(AuthState);
            var result = await Commands.RequestSyncAsync(type, actor, CancellationToken.None);
            if (result.Accepted)
            {
                var paused = IsPaused ? " It runs although syncing is paused." : "";
                Snackbar.Add($"{type} sync queued (job {result.JobId}).{paused}", Severity.Success);
            }
            else
            {
                Snackbar.Add($"Sync not queued: {result.RefusedBecause}.", Severity.Warning);
            }
        }
        catch (Exception ex)
        {
            // A failed enqueue is worth a message, not a dead circuit.
            Logger.LogError(ex, "Sync now could not be requested");
            Snackbar.Add("Sync could not be queued; see the server log.", Severity.Error);
        }
        finally
        {
            requesting = false;
        }
    }
}
