using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Browser;

/// <summary>An operator acknowledges an alert on the overview, in a real Chromium: the note goes in through the dialog
/// and comes back beside the alert, on this page and on the Timeline, where a note over a range goes in too.</summary>
public sealed class AcknowledgeAlertFacts(ChromiumFixture chromium)
{
    [Fact]
    public async Task Acknowledge_OnTheOverview_ShowsWhoAndWhy_BesideTheAlert()
    {
        await using var app = new TestApp();
        var address = app.StartOnRealPort();
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 };
        await app.SyncAsync();

        await using var session = await PageSession.OpenAsync(chromium.Browser, address);
        var page = session.Page;
        await session.OpenLiveAsync("/");
        var alert = page.Locator($"[data-alert={AlertCodes.CredentialsInvalid}]");
        await Assertions.Expect(alert).ToHaveAttributeAsync("data-acknowledged", "false");

        await alert.GetByRole(AriaRole.Button, new() { Name = $"Acknowledge {AlertCodes.CredentialsInvalid}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync($"Acknowledge {AlertCodes.CredentialsInvalid}");
        await dialog.Locator("[data-testid=acknowledge-note] textarea").FillAsync("Token revoked by mistake; Ana is rotating it");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Acknowledge", Exact = true }).ClickAsync();

        await Assertions.Expect(alert).ToHaveAttributeAsync("data-acknowledged", "true");
        await Assertions.Expect(alert.Locator("[data-testid=acknowledged-by]")).ToHaveTextAsync("local user");
        await Assertions.Expect(alert.Locator("[data-testid=acknowledged-note]"))
            .ToHaveTextAsync("Token revoked by mistake; Ana is rotating it");
        await Assertions.Expect(alert.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        // The other alert is still open to acknowledge.
        await Assertions.Expect(page.Locator($"[data-alert={AlertCodes.ConsecutiveFailures}] [data-testid=acknowledge]")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "overview-acknowledged.png");

        await using (var db = await app.CreateDbAsync())
        {
            var stored = await db.AlertAcknowledgements.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal((AlertCodes.CredentialsInvalid, "local user", (DateTime?)null), (stored.Code, stored.AcknowledgedBy, stored.EndedUtc));
        }
        await session.OpenLiveAsync("/timeline");
        await Assertions.Expect(page.Locator("[data-marker-kind=Acknowledgement]")).ToHaveTextAsync($"{AlertCodes.CredentialsInvalid} acknowledged");

        // A note over the last two hours, through the browser's own date-time inputs (in its zone).
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a note to the timeline" }).ClickAsync();
        var noteDialog = page.GetByRole(AriaRole.Dialog);
        var start = noteDialog.Locator("[data-testid=note-start] input");
        var now = DateTime.ParseExact(await start.InputValueAsync(), "yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await start.FillAsync(now.AddHours(-2).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await noteDialog.Locator("[data-testid=note-end] input").FillAsync(now.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await noteDialog.Locator("[data-testid=note-text] textarea").FillAsync("Todoist incident: API returning 403");
        await noteDialog.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();

        var note = page.Locator("tr", new() { Has = page.Locator("[data-marker-kind=Note]") });
        await Assertions.Expect(note).ToContainTextAsync("Todoist incident: API returning 403 (local user)");
        await Assertions.Expect(note).ToContainTextAsync(" to ");
        await Screenshots.TakeAsync(page, "timeline-notes.png");
        Assert.Empty(session.Problems);
    }
}
