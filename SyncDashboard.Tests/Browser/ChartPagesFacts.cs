using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Browser;

/// <summary>The app with a week of recognisable history (a slow stretch, a failure chain, manual actions), seeded
/// once for the chart pages' browser tests.</summary>
public sealed class SeededTestApp : TestApp
{
    private readonly SemaphoreSlim seeding = new(1, 1);
    private bool seeded;

    public async Task<Uri> StartSeededAsync()
    {
        var address = StartOnRealPort();
        await seeding.WaitAsync();
        try
        {
            if (!seeded) await DashboardHistory.SeedAsync(Get<IDbContextFactory<MonitoringDbContext>>(), DateTime.UtcNow);
            seeded = true;
        }
        finally
        {
            seeding.Release();
        }
        return address;
    }
}

public sealed class ChartPagesFacts(ChromiumFixture chromium, SeededTestApp app) : IClassFixture<SeededTestApp>
{
    [Fact]
    public async Task Timeline_DrawsItsCharts_WithNoErrors()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, await app.StartSeededAsync());
        var page = session.Page;

        await session.OpenLiveAsync("/timeline");

        await Assertions.Expect(page.Locator("[data-testid=runs-chart] svg.apexcharts-svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=durations-chart] svg.apexcharts-svg")).ToBeVisibleAsync();
        // Bars really drawn (not just an empty frame), and the markers as annotation lines.
        Assert.True(await page.Locator("[data-testid=runs-chart] .apexcharts-bar-area").CountAsync() > 20);
        Assert.True(await page.Locator("[data-testid=runs-chart] .apexcharts-xaxis-annotations line").CountAsync() >= 5);
        await Assertions.Expect(page.Locator("[data-marker-kind]")).ToHaveCountAsync(5);
        await Screenshots.TakeAsync(page, "timeline.png");
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task Timeline_RangeSwitch_UpdatesTheUrlAndTheSameChart()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, await app.StartSeededAsync());
        var page = session.Page;
        await session.OpenLiveAsync("/timeline");
        var chart = page.Locator("[data-testid=runs-chart] .apex-chart-host");
        await Assertions.Expect(chart.Locator("svg.apexcharts-svg")).ToBeVisibleAsync();
        var barsBefore = await chart.Locator(".apexcharts-bar-area").CountAsync();
        // ApexCharts redraws its SVG on updateOptions, so the instance number tells an update from a re-creation.
        var instance = await chart.GetAttributeAsync("data-chart-instance");
        Assert.NotNull(instance);

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Last 7 d" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/timeline\?range=7d$"));
        await Assertions.Expect(page.Locator("[data-testid=timeline][data-range='7d']")).ToBeAttachedAsync();
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-chart-updates", "1");
        await page.WaitForFunctionAsync(
            "n => document.querySelectorAll('[data-testid=runs-chart] .apexcharts-bar-area').length > n", barsBefore);
        Assert.Equal(instance, await chart.GetAttributeAsync("data-chart-instance"));
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task DarkMode_RethemesTheSameCharts()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, await app.StartSeededAsync());
        var page = session.Page;
        await session.OpenLiveAsync("/timeline");
        var chart = page.Locator("[data-testid=runs-chart] .apex-chart-host");
        await Assertions.Expect(chart.Locator("svg.apexcharts-svg")).ToBeVisibleAsync();
        var instance = await chart.GetAttributeAsync("data-chart-instance");
        var lightText = await AxisLabelColorAsync(chart);

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark mode" }).ClickAsync();

        await Assertions.Expect(chart).ToHaveAttributeAsync("data-chart-updates", "1");
        Assert.NotEqual(lightText, await AxisLabelColorAsync(chart));
        Assert.Equal(instance, await chart.GetAttributeAsync("data-chart-instance"));
        Assert.Empty(session.Problems);
    }

    private static Task<string> AxisLabelColorAsync(ILocator chart) =>
        chart.Locator(".apexcharts-yaxis-label").First.EvaluateAsync<string>("e => e.getAttribute('fill')");

    [Fact]
    public async Task Performance_DrawsItsCharts_AndFlagsTheSlowStretch()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, await app.StartSeededAsync());
        var page = session.Page;

        await session.OpenLiveAsync("/performance");

        await Assertions.Expect(page.Locator("[data-testid=percentiles-chart] svg.apexcharts-svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=histogram-chart] svg.apexcharts-svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=degraded]")).ToContainTextAsync("Slower than usual");
        Assert.True(await page.Locator("[data-testid=percentiles-chart] .apexcharts-xaxis-annotations rect").CountAsync() >= 1,
            "The degraded period is not marked on the chart.");
        await Assertions.Expect(page.Locator("[data-sync-type]")).ToHaveCountAsync(2);
        await Screenshots.TakeAsync(page, "performance.png");
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task Performance_RangeSwitch_UpdatesTheUrlAndTheChart()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, await app.StartSeededAsync());
        var page = session.Page;
        await session.OpenLiveAsync("/performance?range=24h");
        var chart = page.Locator("[data-testid=percentiles-chart] .apex-chart-host");
        await Assertions.Expect(chart.Locator("svg.apexcharts-svg")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Last 30 d" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/performance\?range=30d$"));
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-chart-updates", "1");
        await Assertions.Expect(page.Locator("[data-testid=percentiles-chart] figcaption")).ToContainTextAsync("last 30 d");
        Assert.Empty(session.Problems);
    }

}

/// <summary>Two app nodes over one database file: a browser on node B sees a run that node A made.</summary>
public sealed class MultiNodeFacts(ChromiumFixture chromium)
{
    [Fact]
    public async Task SyncOnNodeA_ReachesAPageOpenOnNodeB()
    {
        var fast = new Dictionary<string, string?> { ["Live:PollIntervalMs"] = "200" };
        await using var nodeA = new TestApp(fast);
        await using var nodeB = new TestApp(fast, nodeA.DatabaseFile);
        await nodeA.StartAsync();
        await using var session = await PageSession.OpenAsync(chromium.Browser, nodeB.StartOnRealPort());
        var page = session.Page;
        await session.OpenLiveAsync("/timeline");
        await Assertions.Expect(page.Locator("[data-testid=timeline-empty]")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.__sameDocument = true");

        await nodeA.SyncAsync();

        await Assertions.Expect(page.Locator("[data-testid=runs-chart] svg.apexcharts-svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=runs-chart] figcaption")).ToContainTextAsync("1 successful run");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page reloaded.");
        Assert.Empty(session.Problems);
    }
}
