using Bunit;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SyncDashboard.Access;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

/// <summary>Each action's handler asks the Operate policy itself, not only the <c>AuthorizeView</c> around its button.
/// Every test renders the button for an operator, then takes Operate away while it is on screen (a role changed
/// while the page is open) and presses it: nothing is queued or changed, and the snackbar says why.</summary>
public sealed class OperatorActionsFacts
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task SyncNow_QueuesNothing_WhenTheUserMayNoLongerOperate()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = DashboardBunit.CreateOperator(out var auth, database: database);
        var button = context.Render<SyncNowButton>();
        var syncNow = button.Find("[data-testid=sync-now]");

        auth.SetPolicies(AccessPolicies.View);
        await syncNow.ClickAsync(new());

        Assert.Equal(0, context.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default"));
        await AssertRefusedAsync(context, database);
    }

    [Fact]
    public async Task SyncNow_Queues_ForAnOperator()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = DashboardBunit.CreateOperator(database: database);
        var button = context.Render<SyncNowButton>();

        await button.Find("[data-testid=sync-now]").ClickAsync(new());

        Assert.Equal(1, context.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default"));
    }

    [Fact]
    public async Task Pause_ChangesNothing_WhenTheUserMayNoLongerOperate()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = DashboardBunit.CreateOperator(out var auth, database: database);
        var button = context.Render<PauseButton>(p => p.Add(b => b.IsPaused, false));
        var pause = button.Find("[data-testid=pause]");

        auth.SetPolicies(AccessPolicies.View);
        await pause.ClickAsync(new());

        await using var db = database.Open();
        Assert.False(await db.SyncStates.AnyAsync(s => s.IsPaused, Ct));
        await AssertRefusedAsync(context, database);
    }

    [Fact]
    public async Task ApplyFaults_ChangesNothing_WhenTheUserMayNoLongerOperate()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = DashboardBunit.CreateOperator(out var auth, database: database);
        var panel = context.Render<SimulatorPanel>();
        await panel.Find("button[aria-label='Fill in the Outage preset']").ClickAsync(new());
        var apply = panel.Find("[data-testid=apply-faults]");

        auth.SetPolicies(AccessPolicies.View);
        await apply.ClickAsync(new());

        Assert.Equal("no faults", SimulatorFaultCommands.Describe(context.Services.GetRequiredService<TodoistSimulator>().Faults));
        await AssertRefusedAsync(context, database);
    }

    [Theory]
    [InlineData("resolve")]
    [InlineData("retry-now")]
    public async Task ErrorChainAction_DoesNotCallBack_WhenTheUserMayNoLongerOperate(string action)
    {
        await using var context = DashboardBunit.CreateOperator(out var auth);
        var called = new List<long>();
        var card = context.Render<ErrorChainCard>(p => p
            .Add(c => c.Chain, OpenChain)
            .Add(c => c.Retry, new RetryOptions())
            .Add(c => c.Now, DashboardBunit.Now)
            .Add(c => c.OnResolve, (id, _) => { called.Add(id); return Task.FromResult(Done); })
            .Add(c => c.OnRetry, (id, _) => { called.Add(id); return Task.FromResult(Done); }));
        var button = card.Find($"[data-testid={action}]");

        auth.SetPolicies(AccessPolicies.View);
        await button.ClickAsync(new());

        Assert.Empty(called);
        Assert.Equal(1, Refusals(context));
    }

    private static readonly ActionOutcome Done = new("done", Severity.Success);

    private static readonly ErrorChainRow OpenChain = new(
        7, FailureKind.Transient, "SERVICE_UNAVAILABLE", "Service unavailable", 503, "SERVICE_UNAVAILABLE", 503, "evt-1",
        null, RetryCount: 1, NextRetryAt: null, SecondsToNextRetry: null, PendingJobId: null,
        CreatedAt: DashboardBunit.Now.UtcDateTime.AddMinutes(-1), LastOccurredAt: DashboardBunit.Now.UtcDateTime,
        ResolvedAt: null, Resolution: null, ResolvedBy: null, Attempts: []);

    private static async Task AssertRefusedAsync(BunitContext context, TestDatabase database)
    {
        await using var db = database.Open();
        Assert.Empty(await db.AuditEntries.ToListAsync(Ct));
        Assert.Equal(1, Refusals(context));
    }

    private static int Refusals(BunitContext context) =>
        context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Count(s => s.Message == OperateCheck.Refusal);
}
