using Bunit;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

public sealed class ErrorChainCardFacts
{
    private static readonly DateTime Now = DashboardBunit.Now.UtcDateTime;

    private static readonly ErrorChainRow Open = new(
        7, FailureKind.Transient, "SERVICE_UNAVAILABLE", "Service unavailable\nTry again later", 503, "SERVICE_UNAVAILABLE",
        503, "evt-123", null, RetryCount: 2, NextRetryAt: Now.AddSeconds(4), SecondsToNextRetry: 4, PendingJobId: "42",
        CreatedAt: Now.AddMinutes(-1), LastOccurredAt: Now.AddSeconds(-4), ResolvedAt: null, Resolution: null,
        ResolvedBy: null, Attempts:
        [
            new ChainAttemptRow(1, 1, SyncTrigger.Manual, SyncStatus.Failed, Now.AddMinutes(-1), 120, "SERVICE_UNAVAILABLE", "x", 503),
            new ChainAttemptRow(2, 2, SyncTrigger.Retry, SyncStatus.Failed, Now.AddSeconds(-50), 110, "SERVICE_UNAVAILABLE", "x", 503),
            new ChainAttemptRow(3, 3, SyncTrigger.Retry, SyncStatus.Failed, Now.AddSeconds(-4), 100, "SERVICE_UNAVAILABLE", "x", 503),
        ]);

    [Fact]
    public async Task Resolve_CallsBackWithTheChain_AndDisablesBothButtons_UntilItFinishes()
    {
        await using var context = DashboardBunit.CreateOperator();
        var pending = new TaskCompletionSource<ActionOutcome>();
        var resolved = new List<(long, string)>();
        var card = Render(context, Open, onResolve: (id, actor) => { resolved.Add((id, actor)); return pending.Task; });

        // Not awaited: the click's handler waits for the callback, which this test holds open.
        var click = card.Find("[data-testid=resolve]").ClickAsync(new());

        Assert.Equal([(7L, "ana")], resolved);
        Assert.True(card.Find("[data-testid=resolve]").HasAttribute("disabled"));
        Assert.True(card.Find("[data-testid=retry-now]").HasAttribute("disabled"));
        Assert.Contains("Resolving…", card.Find("[data-testid=resolve]").TextContent);

        pending.SetResult(Done);
        await click;
        card.WaitForAssertion(() => Assert.False(card.Find("[data-testid=resolve]").HasAttribute("disabled")));
        Assert.False(card.Find("[data-testid=retry-now]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task RetryNow_CallsBackWithTheChain_AndDisablesBothButtons_UntilItFinishes()
    {
        await using var context = DashboardBunit.CreateOperator();
        var pending = new TaskCompletionSource<ActionOutcome>();
        var retried = new List<(long, string)>();
        var card = Render(context, Open, onRetry: (id, actor) => { retried.Add((id, actor)); return pending.Task; });

        var click = card.Find("[data-testid=retry-now]").ClickAsync(new());

        Assert.Equal([(7L, "ana")], retried);
        Assert.True(card.Find("[data-testid=retry-now]").HasAttribute("disabled"));
        Assert.True(card.Find("[data-testid=resolve]").HasAttribute("disabled"));
        pending.SetResult(Done);
        await click;
        card.WaitForAssertion(() => Assert.False(card.Find("[data-testid=retry-now]").HasAttribute("disabled")));
    }

    [Fact]
    public async Task Ladder_MarksRetriesDone_TheNextOne_AndThoseLeft()
    {
        await using var context = DashboardBunit.CreateOperator();

        var card = Render(context, Open);

        var steps = card.FindAll("[data-step]").Select(s => s.GetAttribute("data-step-state")).ToList();
        Assert.Equal(["Done", "Done", "Next", "Later", "Later"], steps);
        Assert.Contains("3: 4 s", card.Find("[data-step='3']").TextContent);
        Assert.Contains("0:04", card.Find("[data-testid=countdown]").TextContent);
    }

    [Fact]
    public async Task Render_ShowsTodoistsErrorTagEventIdAndFullMessage()
    {
        await using var context = DashboardBunit.CreateOperator();

        var card = Render(context, Open);

        Assert.Equal("SERVICE_UNAVAILABLE", card.Find("[data-testid=error-tag]").TextContent.Trim());
        Assert.Equal("evt-123", card.Find("[data-testid=event-id]").TextContent.Trim());
        Assert.Equal(Open.Message, card.Find("[data-testid=full-message]").TextContent);
    }

    [Fact]
    public async Task ResolvedChain_SaysHowItEnded_AndOffersNoActions()
    {
        await using var context = DashboardBunit.CreateOperator();
        var resolved = Open with
        {
            ResolvedAt = Now, Resolution = ErrorResolution.Manual, ResolvedBy = "ana", NextRetryAt = null, PendingJobId = null,
        };

        var card = Render(context, resolved);

        Assert.Contains("Resolved by hand by ana", card.Find("[data-testid=resolution]").TextContent);
        Assert.Empty(card.FindAll("[data-testid=resolve]"));
        Assert.Empty(card.FindAll("[data-testid=retry-now]"));
    }

    [Fact]
    public async Task Actions_AreHidden_FromThoseWhoMayNotOperate()
    {
        await using var context = DashboardBunit.CreateOperator(policies: SyncDashboard.Access.AccessPolicies.View);

        var card = Render(context, Open);

        Assert.Empty(card.FindAll("[data-testid=resolve]"));
        Assert.Single(card.FindAll("[data-testid=ladder]"));
    }

    private static IRenderedComponent<ErrorChainCard> Render(
        BunitContext context, ErrorChainRow chain, Func<long, string, Task<ActionOutcome>>? onResolve = null,
        Func<long, string, Task<ActionOutcome>>? onRetry = null) =>
        context.Render<ErrorChainCard>(p => p
            .Add(c => c.Chain, chain)
            .Add(c => c.Retry, new RetryOptions())
            .Add(c => c.Now, DashboardBunit.Now)
            .Add(c => c.OnResolve, onResolve ?? ((_, _) => Task.FromResult(Done)))
            .Add(c => c.OnRetry, onRetry ?? ((_, _) => Task.FromResult(Done))));

    private static readonly ActionOutcome Done = new("done", MudBlazor.Severity.Success);
}
