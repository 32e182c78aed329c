using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;

namespace SyncDashboard.Components.Widgets;

/// <summary>One failure chain: what failed, its retry ladder and countdown, the details, and the two actions. The
/// actions are callbacks (the page runs the commands and says what they did) run as an <see cref="OperatorAction"/>:
/// both buttons stay disabled until the one pressed has finished, so a double click never resolves or retries twice.</summary>
public sealed partial class ErrorChainCard
{
    public enum StepState { Done, Next, Later }

    public sealed record LadderStep(int Number, TimeSpan Delay, StepState State);

    [Parameter, EditorRequired] public ErrorChainRow Chain { get; set; } = default!;
    [Parameter, EditorRequired] public RetryOptions Retry { get; set; } = default!;
    [Parameter, EditorRequired] public DateTimeOffset Now { get; set; }
    /// <summary>Resolves the chain (its id) as the actor given and says what that did.</summary>
    [Parameter, EditorRequired] public Func<long, string, Task<ActionOutcome>> OnResolve { get; set; } = default!;
    /// <summary>Retries the chain (its id) now as the actor given and says what that did.</summary>
    [Parameter, EditorRequired] public Func<long, string, Task<ActionOutcome>> OnRetry { get; set; } = default!;

    [Inject] private OperatorAction Operator { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    /// <summary>The chain a link pointed at (<c>/errors#chain-12</c>): outlined, so it stands out among the others.</summary>
    [Parameter] public bool IsTarget { get; set; }

    /// <summary>The browser's zone, cascaded by <see cref="Layout.BrowserTimeZone"/>.</summary>
    [CascadingParameter] private DisplayZone Zone { get; set; } = DisplayZone.NotYetKnown;

    private bool IsOpen => Chain.ResolvedAt is null;

    private string CardClass => IsTarget ? "pa-4 error-chain chain-target" : "pa-4 error-chain";

    /// <summary>The card's element id, the fragment a link to one chain ends with.</summary>
    public static string AnchorOf(long chainId) => $"chain-{chainId}";

    /// <summary>Where a chain is shown: on Errors, resolved chains included (it may have ended since), at its card.</summary>
    public static string LinkTo(long chainId) => $"errors?resolved=true#{AnchorOf(chainId)}";

    /// <summary>The chain a URL's fragment (<c>#chain-12</c>) names, if any.</summary>
    public static long? ChainIdOf(string fragment) =>
        fragment.StartsWith("#chain-", StringComparison.Ordinal)
        && long.TryParse(fragment.AsSpan("#chain-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    private bool CanAct => RendererInfo.IsInteractive && !Operator.IsRunning;

    private string ResolveName => $"Resolve chain #{Chain.Id}";

    private string RetryName => $"Retry chain #{Chain.Id}";

    /// <summary>The policy's nominal delays (before jitter): the retries done, the one pending, those left.</summary>
    private IEnumerable<LadderStep> Ladder => LadderOf(Chain, Retry);

    public static IEnumerable<LadderStep> LadderOf(ErrorChainRow chain, RetryOptions options) =>
        Enumerable.Range(0, options.MaxRetries).Select(done => new LadderStep(
            done + 1,
            RetryPolicy.NominalDelay(done, options),
            done < chain.RetryCount ? StepState.Done
            : done == chain.RetryCount && chain.NextRetryAt is not null ? StepState.Next
            : StepState.Later));

    private string NoRetryText => Chain.Kind.IsRetryable()
        ? Chain.RetryCount >= Retry.MaxRetries ? "Retries exhausted: retry now or resolve." : "No retry scheduled."
        : $"{Chain.Kind} failures are not retried: fix the cause, then retry now or resolve.";

    private string ResolutionText => Chain.Resolution switch
    {
        ErrorResolution.Manual => $"Resolved by hand by {Chain.ResolvedBy ?? "someone"}",
        ErrorResolution.RetrySucceeded => "A retry succeeded",
        ErrorResolution.Recovered => "Recovered by a later sync",
        _ => "Resolved",
    } + (Chain.ResolvedAt is { } at ? $" · {Zone.Time(at)}" : "");

    private static Color StepColor(StepState state) => state switch
    {
        StepState.Done => Color.Error,
        StepState.Next => Color.Primary,
        _ => Color.Default,
    };

    private static string StepText(LadderStep step) => $"{step.Number}: {Delay(step.Delay)}";

    private static string StepTitle(LadderStep step) => step.State switch
    {
        StepState.Done => $"Retry {step.Number} ran and failed",
        StepState.Next => $"Retry {step.Number} is next, about {Delay(step.Delay)} after the last failure (± jitter)",
        _ => $"Retry {step.Number}, if the one before fails",
    };

    private static string Delay(TimeSpan delay) =>
        delay < TimeSpan.FromMinutes(1) ? $"{delay.TotalSeconds:0.#} s" : $"{delay.TotalMinutes:0.#} min";

    private Task ResolveAsync() =>
        Operator.RunAsync(ResolveName, AuthState, $"Chain #{Chain.Id} could not be resolved; see the server log.",
            actor => OnResolve(Chain.Id, actor));

    private Task RetryAsync() =>
        Operator.RunAsync(RetryName, AuthState, $"Chain #{Chain.Id} could not be retried; see the server log.",
            actor => OnRetry(Chain.Id, actor));
}
