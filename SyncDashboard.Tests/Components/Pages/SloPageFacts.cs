using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
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

    /// <summary>A success at −100 minutes, a chain of two failures (−90, −80), successes at −70, −30, −20 and −10:
    /// the chain spent 2 attempts; the mirror was stale (15-minute threshold) from −85 to −70 (15 minutes) and from −55
    /// to −30 (25), listed largest first, the chain linked to Errors and the stale periods to History. The burn-down
    /// draws for both objectives; before anything ran it shows its no-data text instead.</summary>
    [Fact]
    public async Task Render_ListsWhatSpentTheBudget_LinkedToErrorsAndHistory()
    {
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["Slo:Objectives:0:Name"] = "success",
            ["Slo:Objectives:1:Name"] = "freshness",
            ["Slo:Objectives:1:Kind"] = "Freshness",
            ["Slo:Objectives:1:Target"] = "0.995",
            ["Slo:Objectives:1:FreshnessThresholdMinutes"] = "15",
        });
        await app.StartAsync();
        var now = DateTime.UtcNow;
        long chainId;
        await using (var db = await app.CreateDbAsync())
        {
            var chain = new SyncError { Service = ServiceName.Todoist, Message = "down", ErrorCode = "HTTP_503", CreatedUtc = now.AddMinutes(-90) };
            db.SyncErrors.Add(chain);
            await db.SaveChangesAsync(Ct);
            chainId = chain.Id;
            db.SyncEvents.AddRange(new[] { -100, -90, -80, -70, -30, -20, -10 }.Select(m => new SyncEvent
            {
                Service = ServiceName.Todoist, Type = SyncType.Incremental, Trigger = SyncTrigger.Schedule,
                Status = m is -90 or -80 ? SyncStatus.Failed : SyncStatus.Succeeded,
                StartedUtc = now.AddMinutes(m).AddSeconds(-1), CompletedUtc = now.AddMinutes(m), DurationMs = 1000,
                ErrorChainId = m is -90 or -80 ? chainId : null, ErrorCode = m is -90 or -80 ? "HTTP_503" : null,
            }));
            await db.SaveChangesAsync(Ct);
            await StoredRuns.RollUpAsync(db, Ct);
        }
        await using var context = Context(app);

        var page = context.Render<SloPage>();

        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll("[data-objective=success] [data-spent-kind]")));
        var chainRow = page.Find("[data-objective=success] [data-spent-kind=chain]");
        Assert.Contains($"Failure chain #{chainId} (HTTP_503)", chainRow.TextContent);
        Assert.Contains("2 attempts", chainRow.TextContent);
        Assert.Equal($"errors?resolved=true#chain-{chainId}", chainRow.QuerySelector("a")!.GetAttribute("href"));
        var stale = page.FindAll("[data-objective=freshness] [data-spent-kind=stale]");
        Assert.Equal(["25 minutes", "15 minutes"], stale.Select(r => r.Children[2].TextContent.Trim()));
        Assert.All(stale, r => Assert.StartsWith("history?range=all&after=", r.QuerySelector("a")!.GetAttribute("href")));
        Assert.Equal("true", page.Find("[data-testid=burn-down-success]").GetAttribute("data-has-data"));
        Assert.Equal("true", page.Find("[data-testid=burn-down-freshness]").GetAttribute("data-has-data"));
    }

    [Fact]
    public async Task Render_ShowsTheBurnDownsNoDataText_BeforeAnySync()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        await using var context = Context(app);

        var page = context.Render<SloPage>();

        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll("[data-testid=burn-down-success]")));
        var chart = page.Find("[data-testid=burn-down-success]");
        Assert.Equal("false", chart.GetAttribute("data-has-data"));
        Assert.Equal("Nothing measured in this window yet", chart.QuerySelector("[data-testid=chart-no-data]")!.TextContent.Trim());
        Assert.Equal("Nothing spent it in this window.", page.Find("[data-objective=success] [data-testid=slo-spent-none]").TextContent.Trim());
    }

    private static BunitContext Context(TestApp app)
    {
        var context = DashboardBunit.Create();
        context.Services.AddSingleton(app.Get<SloQueries>());
        context.Services.AddSingleton(app.Get<MonitoringNotifier>());
        return context;
    }
}
