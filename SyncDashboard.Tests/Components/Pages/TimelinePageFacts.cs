using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Components.Pages;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Tests.Monitoring.Rollups;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Pages;

public sealed class TimelinePageFacts
{
    [Fact]
    public async Task Open_SaysWhatToDo_AndDrawsNoChart_WhenNothingHappened()
    {
        await using var pages = await ChartPageBunit.CreateAsync();

        var page = pages.Context.Render<Timeline>();

        page.WaitForAssertion(() => Assert.Contains("Nothing happened in the last 24 h", page.Find("[data-testid=timeline-empty]").TextContent));
        Assert.Empty(page.FindAll("figure.apex-chart"));
        Assert.Empty(pages.Module.Invocations["render"]);
    }

    [Fact]
    public async Task Open_DrawsRunsAndDurations_WithTheMarkers_WhenThereIsHistory()
    {
        await using var pages = await ChartPageBunit.CreateAsync();
        await pages.SeedAsync();

        var page = pages.Context.Render<Timeline>();

        await pages.WaitForChartsAsync(2);
        var runs = pages.LastOptions("Succeeded");
        Assert.Equal(24, runs.GetProperty("series")[0].GetProperty("data").GetArrayLength());
        Assert.Equal(["Succeeded", "Failed"], runs.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(DashboardHistory.ChainFailures,
            runs.GetProperty("series")[1].GetProperty("data").EnumerateArray().Sum(p => p.GetProperty("y").GetDouble()));
        Assert.Equal(5, runs.GetProperty("annotations").GetProperty("xaxis").GetArrayLength());
        var durations = pages.LastOptions("Mean");
        Assert.Equal(["Mean", "p95"], durations.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Contains($"{DashboardHistory.ChainFailures} failed", page.Find("figure[data-testid=runs-chart] figcaption").TextContent);
        Assert.Equal(5, page.FindAll("[data-marker-kind]").Count);
        Assert.Equal("24h", page.Find("[data-testid=timeline]").GetAttribute("data-range"));
    }

    [Fact]
    public async Task Open_DrawsTheFailedRun_AndSaysTheDurationsHaveNoData_WhenNoRunSucceeded()
    {
        await using var pages = await ChartPageBunit.CreateAsync();
        await using (var db = pages.Database.Open())
        {
            var at = DashboardBunit.Now.UtcDateTime.AddHours(-2);
            await RollupHistory.RecordAsync(db,
            [
                new SyncEvent
                {
                    Service = ServiceName.Todoist, Type = SyncType.Incremental, Trigger = SyncTrigger.Schedule,
                    Status = SyncStatus.Failed, StartedUtc = at, CompletedUtc = at.AddMilliseconds(80), DurationMs = 80,
                    ErrorMessage = "Service Unavailable", HttpStatus = 503,
                },
            ]);
        }

        var page = pages.Context.Render<Timeline>();

        await pages.WaitForChartsAsync(1);
        Assert.Equal(1, pages.LastOptions("Succeeded").GetProperty("series")[1].GetProperty("data").EnumerateArray()
            .Sum(p => p.GetProperty("y").GetDouble()));
        Assert.Equal("No successful runs in this window",
            page.Find("figure[data-testid=durations-chart] [data-testid=chart-no-data]").TextContent);
        Assert.Empty(page.FindAll("figure[data-testid=runs-chart] [data-testid=chart-no-data]"));
    }

    [Fact]
    public async Task RangeFromTheQuery_ChoosesTheWindow()
    {
        await using var pages = await ChartPageBunit.CreateAsync();
        await pages.SeedAsync();

        pages.Context.Services.GetRequiredService<NavigationManager>().NavigateTo("timeline?range=30d");

        var page = pages.Context.Render<Timeline>();

        await pages.WaitForChartsAsync(2);
        Assert.Equal(120, pages.LastOptions("Succeeded").GetProperty("series")[0].GetProperty("data").GetArrayLength());
        Assert.Contains("one bar per 6 hours", page.Find("[data-testid=timeline-window]").TextContent);
    }

    [Fact]
    public async Task ChoosingARange_PutsItInTheUrl()
    {
        await using var pages = await ChartPageBunit.CreateAsync();
        await pages.SeedAsync();
        var navigation = pages.Context.Services.GetRequiredService<NavigationManager>();
        var page = pages.Context.Render<Timeline>();
        await pages.WaitForChartsAsync(2);

        page.Find("[data-range-key='7d']").Click();

        Assert.EndsWith("?range=7d", navigation.Uri);
    }

    [Fact]
    public async Task ACommit_UpdatesTheChartsInPlace()
    {
        await using var pages = await ChartPageBunit.CreateAsync();
        var page = pages.Context.Render<Timeline>();
        page.WaitForAssertion(() => page.Find("[data-testid=timeline-empty]"));
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid=timeline]").GetAttribute("data-live")));
        await pages.SeedAsync();

        await pages.Notifier.NotifyAsync();

        await pages.WaitForChartsAsync(2);
        Assert.Empty(page.FindAll("[data-testid=timeline-empty]"));
    }
}
