using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor;
using SyncDashboard.Access;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

/// <summary>The one way a button changes something, over a bUnit context's authorization and MudBlazor's own
/// snackbar service; the log goes to a capturing provider.</summary>
public sealed class OperatorActionFacts
{
    private const string FailureText = "Thing could not be done; see the server log.";

    private static readonly ActionOutcome Done = new("Thing done.", Severity.Warning);

    [Fact]
    public async Task RunAsync_RunsNothing_AndSaysWhy_WhenTheUserMayNotOperate()
    {
        await using var context = DashboardBunit.CreateOperator(policies: AccessPolicies.View);
        var (action, _) = Create(context);
        var ran = false;

        await action.RunAsync("Thing", AuthState(context), FailureText, _ => { ran = true; return Task.FromResult(Done); });

        Assert.False(ran);
        var shown = Assert.Single(Snackbars(context));
        Assert.Equal((OperateCheck.Refusal, Severity.Error), (shown.Message, shown.Severity));
        Assert.False(action.IsRunning);
    }

    [Fact]
    public async Task RunAsync_ShowsTheOutcome_AndActsAsTheSignedInUser()
    {
        await using var context = DashboardBunit.CreateOperator();
        var (action, logs) = Create(context);
        var actors = new List<string>();

        await action.RunAsync("Thing", AuthState(context), FailureText, actor => { actors.Add(actor); return Task.FromResult(Done); });

        Assert.Equal(["ana"], actors);
        var shown = Assert.Single(Snackbars(context));
        Assert.Equal((Done.Message, Done.Severity), (shown.Message, shown.Severity));
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_IsRunning_UntilTheActionFinishes_AndIgnoresASecondRunMeanwhile()
    {
        await using var context = DashboardBunit.CreateOperator();
        var (action, _) = Create(context);
        var pending = new TaskCompletionSource<ActionOutcome>();
        var runs = 0;

        // Not awaited: the action is held open, as a slow command would.
        var first = action.RunAsync("First", AuthState(context), FailureText, _ => { runs++; return pending.Task; });

        Assert.True(action.IsRunning);
        Assert.Equal("First", action.Running);
        await action.RunAsync("Second", AuthState(context), FailureText, _ => { runs++; return Task.FromResult(Done); });
        Assert.Equal(1, runs);
        Assert.Empty(Snackbars(context));

        pending.SetResult(Done);
        await first;
        Assert.False(action.IsRunning);
        Assert.Null(action.Running);
        Assert.Single(Snackbars(context));
    }

    [Fact]
    public async Task RunAsync_LogsTheError_AndShowsOnlyTheFailureText_WhenTheActionThrows()
    {
        await using var context = DashboardBunit.CreateOperator();
        var (action, logs) = Create(context);

        await action.RunAsync("Thing", AuthState(context), FailureText,
            _ => throw new InvalidOperationException("Password=hunter2 at /srv/secret.db"));

        var shown = Assert.Single(Snackbars(context));
        Assert.Equal((FailureText, Severity.Error), (shown.Message, shown.Severity));
        var error = Assert.Single(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
        Assert.Contains("Thing failed", error);
        Assert.Contains("Password=hunter2", error);
        Assert.False(action.IsRunning);
    }

    /// <summary>Only a cancellation asked for (the page went away) passes silently; one nobody asked for is a failure.</summary>
    [Fact]
    public async Task RunAsync_TellsNobody_WhenTheActionIsCancelledThroughItsToken()
    {
        await using var context = DashboardBunit.CreateOperator();
        var (action, logs) = Create(context);
        using var disposing = new CancellationTokenSource();
        await disposing.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => action.RunAsync("Thing", AuthState(context),
            FailureText, _ => Task.FromCanceled<ActionOutcome>(disposing.Token)));

        Assert.Empty(Snackbars(context));
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
        Assert.False(action.IsRunning);
    }

    [Fact]
    public async Task RunAsync_TreatsACancellationNobodyAskedFor_AsAFailure()
    {
        await using var context = DashboardBunit.CreateOperator();
        var (action, logs) = Create(context);

        await action.RunAsync("Thing", AuthState(context), FailureText, _ => throw new OperationCanceledException());

        var shown = Assert.Single(Snackbars(context));
        Assert.Equal((FailureText, Severity.Error), (shown.Message, shown.Severity));
        Assert.Single(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    /// <summary>The action with the context's authorization and snackbar, and a log the test can read.</summary>
    private static (OperatorAction Action, CapturingLoggerProvider Logs) Create(BunitContext context)
    {
        var logs = new CapturingLoggerProvider();
        var logger = LoggerFactory.Create(b => b.AddProvider(logs)).CreateLogger<OperatorAction>();
        return (ActivatorUtilities.CreateInstance<OperatorAction>(context.Services, logger), logs);
    }

    private static Task<AuthenticationState> AuthState(BunitContext context) =>
        context.Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();

    private static IEnumerable<Snackbar> Snackbars(BunitContext context) =>
        context.Services.GetRequiredService<ISnackbar>().ShownSnackbars;
}
