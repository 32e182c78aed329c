using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace SyncDashboard.Components.Widgets;

/// <summary>Acknowledge one active alert: asks for a note in <see cref="AcknowledgeDialog"/>, then runs
/// <see cref="OnAcknowledge"/> (the page runs the command and says what it did) as an <see cref="OperatorAction"/>.
/// Only for those who may operate.</summary>
public sealed partial class AcknowledgeButton
{
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private OperatorAction Operator { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    [Parameter, EditorRequired] public string Code { get; set; } = "";

    /// <summary>Acknowledges the alert (its code) with the note, as the actor given, and says what that did.</summary>
    [Parameter, EditorRequired] public Func<string, string, string, Task<ActionOutcome>> OnAcknowledge { get; set; } = default!;

    private bool CanAct => RendererInfo.IsInteractive && !Operator.IsRunning;

    private async Task AcknowledgeAsync()
    {
        var dialog = await Dialogs.ShowAsync<AcknowledgeDialog>($"Acknowledge {Code}",
            new DialogParameters<AcknowledgeDialog> { { d => d.Code, Code } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is not { Canceled: false, Data: string note }) return;
        await Operator.RunAsync($"Acknowledge {Code}", AuthState,
            $"{Code} could not be acknowledged; see the server log.", actor => OnAcknowledge(Code, note, actor));
    }
}
