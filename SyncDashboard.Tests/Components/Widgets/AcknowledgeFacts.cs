using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Health;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

/// <summary>The overview's alerts panel: who acknowledged an alert, when and why; the Acknowledge button asks for a
/// note in a dialog and hands it to the page's callback.</summary>
public sealed class AcknowledgeFacts
{
    private static readonly DateTime Now = DashboardBunit.Now.UtcDateTime;

    private static readonly HealthAlertRow Stale = new(AlertCodes.StaleData, AlertSeverity.Warning, "No successful sync for 2 h.",
        Now.AddHours(-2));

    private static readonly HealthAlertRow Acknowledged = new(AlertCodes.CredentialsInvalid, AlertSeverity.Critical,
        "Todoist rejected the API token.", Now.AddHours(-1),
        new AcknowledgementRow(4, AlertCodes.CredentialsInvalid, "ana", Now.AddMinutes(-12), "Rotating the token\nback in 10 min", null));

    private sealed class Calls
    {
        public List<(string Code, string Note, string Actor)> Made { get; } = [];

        public Task<ActionOutcome> AcknowledgeAsync(string code, string note, string actor)
        {
            Made.Add((code, note, actor));
            return Task.FromResult(new ActionOutcome($"{code} acknowledged", Severity.Success));
        }
    }

    [Fact]
    public async Task Panel_SaysWhoAcknowledgedAnAlert_WhenAndWhy_AndOffersNoButtonForIt()
    {
        await using var context = DashboardBunit.CreateOperator();
        var calls = new Calls();

        var panel = context.Render<AlertsPanel>(p => p.Add(c => c.Alerts, [Acknowledged, Stale]).Add(c => c.Now, DashboardBunit.Now)
            .Add(c => c.OnAcknowledge, calls.AcknowledgeAsync));

        var acknowledged = panel.Find("[data-alert=CREDENTIALS_INVALID]");
        Assert.Equal("true", acknowledged.GetAttribute("data-acknowledged"));
        Assert.Equal("ana", acknowledged.QuerySelector("[data-testid=acknowledged-by]")!.TextContent);
        Assert.Contains("12 min ago", acknowledged.QuerySelector("[data-testid=acknowledgement]")!.TextContent);
        Assert.Equal("Rotating the token\nback in 10 min", acknowledged.QuerySelector("[data-testid=acknowledged-note]")!.TextContent);
        Assert.Null(acknowledged.QuerySelector("[data-testid=acknowledge]"));
        Assert.NotNull(panel.Find("[data-alert=STALE_DATA] [data-testid=acknowledge]"));
    }

    [Fact]
    public async Task Acknowledge_AsksForANote_RefusesAnEmptyOne_AndHandsTheNoteToThePage()
    {
        await using var context = DashboardBunit.CreateOperator();
        var calls = new Calls();
        var dialogs = context.Render<MudDialogProvider>();
        var panel = context.Render<AlertsPanel>(p => p.Add(c => c.Alerts, [Stale]).Add(c => c.Now, DashboardBunit.Now)
            .Add(c => c.OnAcknowledge, calls.AcknowledgeAsync));

        // Not awaited: the click's handler waits for the dialog, which this test answers below.
        panel.Find("[data-testid=acknowledge]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Acknowledge STALE_DATA", dialogs.Find(".mud-dialog-title").TextContent));
        dialogs.Find("[data-testid=acknowledge-submit]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("The note must not be empty.", dialogs.Markup));
        Assert.Empty(calls.Made);

        dialogs.Find("[data-testid=acknowledge-note] textarea").Input("  Todoist status page: incident open  ");
        dialogs.Find("[data-testid=acknowledge-submit]").Click();

        panel.WaitForAssertion(() => Assert.Equal([(AlertCodes.StaleData, "Todoist status page: incident open", "ana")], calls.Made));
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=acknowledge-dialog]")));
        var shown = Assert.Single(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(("STALE_DATA acknowledged", Severity.Success), (shown.Message, shown.Severity));
    }

    [Fact]
    public async Task Cancel_AcknowledgesNothing()
    {
        await using var context = DashboardBunit.CreateOperator();
        var calls = new Calls();
        var dialogs = context.Render<MudDialogProvider>();
        var panel = context.Render<AlertsPanel>(p => p.Add(c => c.Alerts, [Stale]).Add(c => c.Now, DashboardBunit.Now)
            .Add(c => c.OnAcknowledge, calls.AcknowledgeAsync));

        panel.Find("[data-testid=acknowledge]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=acknowledge-note] textarea").Input("never mind"));
        dialogs.Find("[data-testid=acknowledge-cancel]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=acknowledge-dialog]")));
        Assert.Empty(calls.Made);
    }

    [Fact]
    public async Task Viewer_SeesTheAcknowledgement_ButNoButton()
    {
        await using var context = DashboardBunit.CreateOperator(policies: SyncDashboard.Access.AccessPolicies.View);
        var calls = new Calls();

        var panel = context.Render<AlertsPanel>(p => p.Add(c => c.Alerts, [Acknowledged, Stale]).Add(c => c.Now, DashboardBunit.Now)
            .Add(c => c.OnAcknowledge, calls.AcknowledgeAsync));

        Assert.Empty(panel.FindAll("[data-testid=acknowledge]"));
        Assert.Single(panel.FindAll("[data-testid=acknowledgement]"));
    }
}
