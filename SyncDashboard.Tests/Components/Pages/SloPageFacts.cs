using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Live;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Components.Pages;

namespace SyncDashboard.Tests.Components.Pages;

/// <summary>The /slo page over a real app's queries.</summary>
public sealed class SloPageFacts
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Render_ShowsNoData_BeforeAnySync()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        await using var context = Context(app);

        var page = context.Render<SloPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal(2, page.FindAll("[data-objective]").Count));
        Assert.All(page.FindAll("[data-testid=slo-met]"), chip => Assert.Equal("No data", chip.TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=slo-firing]"));
        // The test app's schedule never fires: no interval to derive the freshness threshold from.
        Assert.Contains("not measured", page.Find("[data-objective=freshness]").TextContent);
    }

    [Fact]
    public async Task Render_ShowsAttainmentBudgetAndTheFiringRule_OfABurningObjective()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        await using (var db = await app.CreateDbAsync()) await BurningHistory.SeedAsync(db, DateTime.UtcNow, Ct);
        await using var context = Context(app);

        var page = context.Render<SloPage>();

        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll("[data-objective=success] [data-testid=slo-firing]")));
        var success = page.Find("[data-objective=success]");
        Assert.Equal("Burning: Page", success.QuerySelector("[data-testid=slo-firing]")!.TextContent.Trim());
        Assert.Equal("Missed", success.QuerySelector("[data-testid=slo-met]")!.TextContent.Trim());
        Assert.Equal("75% of 40 attempts", success.QuerySelector("[data-testid=slo-attainment]")!.TextContent.Trim());
        Assert.Equal("0.4 attempts", success.QuerySelector("[data-testid=slo-allowed]")!.TextContent.Trim());
        Assert.Equal("10 attempts", success.QuerySelector("[data-testid=slo-spent]")!.TextContent.Trim());
        // The hour: 10 of 40 bad, 25×, judged by the first page rule with the 5-minute window.
        var hour = success.QuerySelector("[data-burn-window='60']")!.TextContent;
        Assert.Contains("25×", hour);
        Assert.Contains("14.4× (page, with 5 min)", hour);
    }

    private static BunitContext Context(TestApp app)
    {
        var context = DashboardBunit.Create();
        context.Services.AddSingleton(app.Get<SloQueries>());
        context.Services.AddSingleton(app.Get<MonitoringNotifier>());
        return context;
    }
}
