using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SyncDashboard.Access;

namespace SyncDashboard.Components.Widgets;

/// <summary>How every button that changes something runs its action: one at a time, asked of the
/// <see cref="AccessPolicies.Operate"/> policy on the server, with a snackbar saying what happened. Transient, so each
/// component gets its own and <see cref="IsRunning"/> disables just that component's buttons. The action itself is a
/// command class, which audits what it changes.</summary>
public sealed class OperatorAction(
    IAuthorizationService authorization, ISnackbar snackbar, ILogger<OperatorAction> logger)
{
    /// <summary>The name of the action running now, so a component with several buttons can say which one it is.</summary>
    public string? Running { get; private set; }

    /// <summary>Whether an action is running: the component's buttons stay disabled until it has finished, so a
    /// double click never acts twice.</summary>
    public bool IsRunning => Running is not null;

    /// <summary>Runs <paramref name="action"/> for the circuit's user, who must be allowed to operate now, and shows its
    /// outcome. A failure is logged and shown as <paramref name="failureText"/>, never as the exception's own text
    /// (it may carry a connection string or a path).</summary>
    /// <param name="name">Names the action in the log and in <see cref="Running"/>.</param>
    /// <param name="action">Gets the actor the command records and returns what to tell the user.</param>
    public async Task RunAsync(string name, Task<AuthenticationState>? authState, string failureText,
        Func<string, Task<ActionOutcome>> action)
    {
        if (IsRunning) return;
        Running = name;
        try
        {
            if (!await authorization.MayOperateAsync(authState))
            {
                snackbar.Add(OperateCheck.Refusal, Severity.Error);
                return;
            }
            var outcome = await action(await Actor.OfAsync(authState));
            snackbar.Add(outcome.Message, outcome.Severity);
        }
        // Cancelled through its token (the Errors page passes the one its disposal cancels), the action was abandoned
        // with its page: nobody is left to tell, and Blazor lets a cancelled handler go.
        catch (Exception ex) when (ex is not OperationCanceledException { CancellationToken.IsCancellationRequested: true })
        {
            // A failed action is worth a message, not a dead circuit.
            logger.LogError(ex, "{Action} failed", name);
            snackbar.Add(failureText, Severity.Error);
        }
        finally
        {
            Running = null;
        }
    }
}
