using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Browser;

public sealed class AlertsPageFacts(ChromiumFixture chromium)
{
    [Fact]
    public async Task Open_FromTheNavLink_ShowsAlertsAndSentNotifications_WithNoErrors()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["Alerts:Webhook:Url"] = new Uri(receiver.Address, "hook").ToString(),
            ["Alerts:NotifyAfterBadEvaluations"] = "1",
            ["Alerts:DashboardUrl"] = "https://dash.example.test",
        });
        var address = app.StartOnRealPort();
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 };
        await app.SyncAsync();
        await WaitForSentAsync(app);

        await using var session = await PageSession.OpenAsync(chromium.Browser, address);
        var page = session.Page;
        await session.OpenLiveAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Alerts" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=alerts][data-live=true]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-testid=health-status]")).ToHaveTextAsync("Unhealthy");
        await Assertions.Expect(page.Locator("[data-alert-code=CREDENTIALS_INVALID]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-outcome=Sent]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=channels-off]")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(page, "alerts.png");
        Assert.Empty(session.Problems);
    }

    private static Task<string> WaitForSentAsync(TestApp app) => Eventually.ReturnsAsync(async () =>
    {
        await using var db = await app.CreateDbAsync();
        return await db.AlertNotifications.AnyAsync(n => n.Outcome == NotificationOutcome.Sent) ? "sent" : null;
    });

}
