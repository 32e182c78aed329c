using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

/// <summary>An operator puts the sync into maintenance "for 2 hours" from the Maintenance page, in a real Chromium:
/// the window is listed as active, the overview says so, and the timeline draws it.</summary>
public sealed class MaintenanceWindowFacts(ChromiumFixture chromium)
{
    [Fact]
    public async Task AdHocWindow_CreatedOnThePage_IsActive_OnTheOverview_AndOnTheTimeline()
    {
        await using var app = new TestApp();
        var address = app.StartOnRealPort();
        await app.StartAsync();
        await app.SyncAsync();

        await using var session = await PageSession.OpenAsync(chromium.Browser, address);
        var page = session.Page;
        await session.OpenLiveAsync("/maintenance");
        await page.Locator("[data-testid=maintenance-reason] input").FillAsync("Rotating the Todoist token");
        await page.Locator("[data-testid=maintenance-duration] input").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create window" }).ClickAsync();

        var state = page.Locator("[data-testid=maintenance-state]");
        await Assertions.Expect(state).ToHaveTextAsync("Active");
        await Assertions.Expect(page.Locator("[data-testid=maintenance-table]")).ToContainTextAsync("Rotating the Todoist token");
        await using (var db = await app.CreateDbAsync())
        {
            var window = await db.MaintenanceWindows.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(("local user", 120, (string?)null), (window.CreatedBy, window.DurationMinutes, window.Cron));
        }

        await session.OpenLiveAsync("/");
        await Assertions.Expect(page.Locator("[data-testid=maintenance-active]")).ToContainTextAsync("Rotating the Todoist token");
        await session.OpenLiveAsync("/timeline");
        await Assertions.Expect(page.Locator("[data-marker-kind=Maintenance]")).ToContainTextAsync("Maintenance: Rotating the Todoist token");
        Assert.Empty(session.Problems);
    }
}
