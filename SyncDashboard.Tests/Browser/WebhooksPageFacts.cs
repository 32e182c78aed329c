using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Webhooks;
using SyncDashboard.Todoist.Simulator;
using Xunit;

namespace SyncDashboard.Tests.Browser;

public sealed class WebhooksPageFacts(ChromiumFixture chromium)
{
    [Fact]
    public async Task Open_ShowsADeliveryTheSimulatorSent_BesideItsSync_WithNoErrors()
    {
        await using var app = new WebhookTestApp(new Dictionary<string, string?> { ["Webhooks:DebounceSeconds"] = "1" });
        var address = app.StartOnRealPort();
        await app.StartAsync();
        await app.SyncAsync();
        var sender = app.Get<SimulatorWebhooks>();
        await Eventually.ReturnsAsync(() => Task.FromResult(sender.Target));
        await using var session = await PageSession.OpenAsync(chromium.Browser, address);
        var page = session.Page;
        await session.OpenLiveAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=webhooks][data-live=true]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-testid=webhooks-empty]")).ToBeVisibleAsync();

        app.Simulator.ApplyRandomChanges(4);

        var delivered = await Eventually.ReturnsAsync(async () =>
        {
            var all = await app.DeliveriesAsync();
            return all.Count > 0 && all.All(d => d.SyncEventId is not null) ? all : null;
        });
        var first = delivered[0];
        await Assertions.Expect(page.Locator($"[data-delivery-id='{first.DeliveryId}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-sync-of='{first.DeliveryId}']"))
            .ToContainTextAsync($"#{first.SyncEventId}");
        await Assertions.Expect(page.Locator($"[data-webhook-sync-id='{first.SyncEventId}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=webhooks-empty]")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(page, "webhooks.png");
        Assert.Empty(session.Problems);
    }

}
