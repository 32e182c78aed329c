using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

public sealed class SloPageFacts(ChromiumFixture chromium)
{
    [Fact]
    public async Task Open_FromTheNavLink_ShowsTheBurningObjective_WithNoErrors()
    {
        // The test app's schedules never fire, so the freshness threshold is configured rather than derived.
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["Slo:Objectives:0:Name"] = "success",
            ["Slo:Objectives:1:Name"] = "freshness",
            ["Slo:Objectives:1:Kind"] = "Freshness",
            ["Slo:Objectives:1:Target"] = "0.995",
            ["Slo:Objectives:1:FreshnessThresholdMinutes"] = "15",
        });
        var address = app.StartOnRealPort();
        await app.StartAsync();
        await using (var db = await app.CreateDbAsync())
            await BurningHistory.SeedAsync(db, DateTime.UtcNow, TestContext.Current.CancellationToken);

        await using var session = await PageSession.OpenAsync(chromium.Browser, address);
        var page = session.Page;
        await session.OpenLiveAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Objectives" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=slo][data-live=true]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-objective=success] [data-testid=slo-firing]")).ToHaveTextAsync("Burning: Page");
        await Assertions.Expect(page.Locator("[data-objective=freshness]")).ToContainTextAsync("at most 15 min old");
        // The budget burn-down: drawn as a line with the zero line, and what spent the budget (10 failed attempts with
        // no chain stored) linked to History.
        var burnDown = page.Locator("[data-testid=burn-down-success][data-has-data=true]");
        await Assertions.Expect(burnDown.Locator("svg.apexcharts-svg")).ToBeVisibleAsync();
        await Assertions.Expect(burnDown.Locator(".apexcharts-line-series path.apexcharts-line")).ToHaveCountAsync(1);
        await Assertions.Expect(burnDown.Locator(".apexcharts-yaxis-annotations line")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-objective=success] [data-spent-kind=failures]")).ToContainTextAsync("10 attempts");
        await Screenshots.TakeAsync(page, "slo.png");
        Assert.Empty(session.Problems);
    }
}
