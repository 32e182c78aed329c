using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;

namespace SyncDashboard.Components.Pages;

/// <summary>Failure chains grouped by kind, open ones first; resolve or retry them; resolved ones on request. Each
/// chain's card authorises its action and shows the outcome this page returns; either way the page reloads.</summary>
public sealed partial class Errors
{
    /// <summary>Enough for any real outage (one chain per outage, not per attempt); the API pages beyond it.</summary>
    public const int ChainLimit = 100;

    [Inject] private ErrorQueries Queries { get; set; } = default!;
    [Inject] private StateQueries State { get; set; } = default!;
    [Inject] private ErrorCommands Commands { get; set; } = default!;
    [Inject] private IOptions<RetryOptions> RetryOptions { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    public const string ModulePath = "./Components/Pages/Errors.razor.js";

    /// <summary><c>?resolved=true</c> opens the page with resolved chains shown (the history's chain links do).</summary>
    [SupplyParameterFromQuery(Name = "resolved")] public bool? Resolved { get; set; }

    private ErrorReport? report;
    private bool showResolved;
    private bool isPaused;
    private long? revealed;

    /// <summary>The chain a link pointed at (History's drawer links to <c>errors?resolved=true#chain-12</c>).</summary>
    private long? TargetChainId => ErrorChainCard.ChainIdOf(new Uri(Navigation.Uri).Fragment);

    /// <summary>Open chains before resolved ones within each kind; kinds with open chains first.</summary>
    private IEnumerable<IGrouping<FailureKind, ErrorChainRow>> Groups =>
        report!.Chains
            .OrderBy(c => c.ResolvedAt is null ? 0 : 1).ThenByDescending(c => c.LastOccurredAt)
            .GroupBy(c => c.Kind)
            .OrderBy(g => g.Any(c => c.ResolvedAt is null) ? 0 : 1).ThenByDescending(g => g.Count());

    protected override async Task OnInitializedAsync()
    {
        showResolved = Resolved == true;
        await base.OnInitializedAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The browser's own jump to the fragment finds no card after a client-side navigation (the chains load after
        // the first render), so scroll to it once it is there; once per target, so live reloads do not pull the page.
        if (!IsInteractive || TargetChainId is not { } id || revealed == id || report?.Chains.Any(c => c.Id == id) != true) return;
        revealed = id;
        await using var module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
        await module.InvokeVoidAsync("reveal", ErrorChainCard.AnchorOf(id));
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var loaded = await Queries.ReportAsync(ServiceName.Todoist, showResolved, ChainLimit, ct);
        var state = await State.GetAsync(ServiceName.Todoist, ct);
        (report, isPaused) = (loaded, state.IsPaused);
    }

    private async Task ShowResolvedChangedAsync(bool value)
    {
        showResolved = value;
        await LoadAsync(Disposing);
    }

    private async Task<ActionOutcome> ResolveAsync(long chainId, string actor)
    {
        try
        {
            return ResolveOutcome(chainId, await Commands.ResolveAsync(chainId, actor, Disposing));
        }
        finally
        {
            RequestReload();
        }
    }

    private async Task<ActionOutcome> RetryAsync(long chainId, string actor)
    {
        try
        {
            return RetryOutcome(chainId, await Commands.RetryNowAsync(chainId, actor, Disposing));
        }
        finally
        {
            RequestReload();
        }
    }

    private static ActionOutcome ResolveOutcome(long chainId, ChainActionResult result) => result.Status switch
    {
        ChainActionStatus.Done => new($"Chain #{chainId} resolved; its pending retry is cancelled.", Severity.Success),
        ChainActionStatus.AlreadyResolved =>
            new($"Chain #{chainId} was already resolved (a sync may have just succeeded).", Severity.Info),
        _ => Gone(chainId),
    };

    private static ActionOutcome RetryOutcome(long chainId, ChainActionResult result) => result.Status switch
    {
        ChainActionStatus.Done => new($"Retry of chain #{chainId} queued (job {result.JobId}).", Severity.Success),
        ChainActionStatus.Paused => new($"Not retried: {ErrorCommands.PausedReason}.", Severity.Warning),
        ChainActionStatus.AlreadyResolved => new($"Chain #{chainId} is already resolved; nothing to retry.", Severity.Info),
        _ => Gone(chainId),
    };

    private static ActionOutcome Gone(long chainId) =>
        new($"Chain #{chainId} no longer exists (retention may have purged it).", Severity.Warning);
}
