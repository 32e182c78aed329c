using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

/// <summary>The panel over the real simulator and <see cref="SimulatorFaultCommands"/>.</summary>
public sealed class SimulatorPanelFacts
{
    [Fact]
    public async Task ApplyFaults_SaysWhatIsInForceNow()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = DashboardBunit.CreateOperator(database: database);
        var panel = context.Render<SimulatorPanel>();
        await panel.Find("button[aria-label='Fill in the Outage preset']").ClickAsync(new());

        await panel.Find("[data-testid=apply-faults]").ClickAsync(new());

        var shown = Assert.Single(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(("Simulator faults now: error rate 100% (503).", Severity.Success), (shown.Message, shown.Severity));
        panel.WaitForAssertion(() => Assert.Equal("error rate 100% (503)", panel.Find("[data-testid=faults-now]").TextContent));
    }

    [Fact]
    public async Task DriftPreset_LosesAndCorruptsObjects_AndSaysHowMany()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = DashboardBunit.CreateOperator(database: database);
        var panel = context.Render<SimulatorPanel>();
        await panel.Find("button[aria-label='Fill in the Drift preset']").ClickAsync(new());

        await panel.Find("[data-testid=apply-faults]").ClickAsync(new());

        var faults = context.Services.GetRequiredService<TodoistSimulator>().Faults;
        Assert.Equal((2, 1), (faults.LoseObjects, faults.CorruptObjects));
        panel.WaitForAssertion(() =>
            Assert.Equal("lose 2 objects, corrupt 1 object", panel.Find("[data-testid=faults-now]").TextContent));
    }

    [Fact]
    public async Task ClearFaults_EndsThem_AndEmptiesTheFields()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = DashboardBunit.CreateOperator(database: database);
        context.Services.GetRequiredService<TodoistSimulator>().Faults = new SimulatorFaults { ErrorRate = 0.5, LatencyMs = 200 };
        var panel = context.Render<SimulatorPanel>();

        await panel.Find("[data-testid=clear-faults]").ClickAsync(new());

        var shown = Assert.Single(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(("Simulator faults now: no faults.", Severity.Success), (shown.Message, shown.Severity));
        // Applying the fields now keeps it that way: they were emptied along with the faults.
        await panel.Find("[data-testid=apply-faults]").ClickAsync(new());
        Assert.Equal("no faults", SimulatorFaultCommands.Describe(context.Services.GetRequiredService<TodoistSimulator>().Faults));
    }
}
