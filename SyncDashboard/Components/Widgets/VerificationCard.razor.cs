using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;

namespace SyncDashboard.Components.Widgets;

/// <summary>Whether the mirror was proven equal to Todoist, and when; Verify now queues a full sync, which verifies.</summary>
public sealed partial class VerificationCard
{
    [Inject] private SyncCommands Commands { get; set; } = default!;
    [Inject] private OperatorAction Operator { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    [Parameter, EditorRequired] public VerificationStatus Status { get; set; } = default!;

    [Parameter, EditorRequired] public DateTimeOffset Now { get; set; }

    private bool CanRequest => RendererInfo.IsInteractive && !Operator.IsRunning;

    private string Icon => Status.Latest?.Outcome switch
    {
        VerificationOutcome.Exact => Icons.Material.Filled.Verified,
        VerificationOutcome.Drift => Icons.Material.Filled.ReportProblem,
        _ => Icons.Material.Outlined.HelpOutline,
    };

    private Color IconColor => Status.Latest?.Outcome switch
    {
        VerificationOutcome.Exact => Color.Success,
        // As the DATA_DRIFT alert: critical when objects were missing or extra, a warning when only changed.
        VerificationOutcome.Drift => Status.Latest is { Missing: 0, Extra: 0 } ? Color.Warning : Color.Error,
        _ => Color.Default,
    };

    private Task VerifyAsync() =>
        Operator.RunAsync("Verify now", AuthState, "The verification could not be queued; see the server log.",
            async actor =>
            {
                var result = await Commands.RequestSyncAsync(SyncType.Full, actor, CancellationToken.None);
                return result.Accepted
                    ? new ActionOutcome($"Verification queued: a full sync (job {result.JobId}) compares the mirror first.", Severity.Success)
                    : new ActionOutcome($"Verification not queued: {result.RefusedBecause}.", Severity.Warning);
            });
}
