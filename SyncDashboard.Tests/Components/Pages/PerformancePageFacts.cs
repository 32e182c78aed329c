using Bunit;
using SyncDashboard.Components.Pages;
using Xunit;

namespace SyncDashboard.Tests.Components.Pages;

public sealed class PerformancePageFacts
{
    [Fact]
    public async Task Open_SaysWhatToDo_WhenNoSyncSucceeded()
    {
        await using var pages = await ChartPageBunit.CreateAsync();

        var page = pages.Context.Render<Performance>();

        page.WaitForAssertion(() => Assert.Contains("No successful sync in the last 7 d", page.Find("[data-testid=performance-empty]").TextContent));
        Assert.Empty(page.FindAll("figure.apex-chart"));
        Assert.Empty(page.FindAll("[data-testid=degraded]"));
    }

    [Fact]
    public async Task Open_DrawsPercentilesAndHistogram_AndFlagsTheSlowStretch()
    {
        await using var pages = await ChartPageBunit.CreateAsync();
        await pages.SeedAsync();

        var page = pages.Context.Render<Performance>();

        await pages.WaitForChartsAsync(2);
        var percentiles = pages.LastOptions("p50");
        Assert.Equal(28, percentiles.GetProperty("series")[1].GetProperty("data").GetArrayLength());
        Assert.NotEmpty(percentiles.GetProperty("annotations").GetProperty("xaxis").EnumerateArray());
        Assert.Contains("degraded above", percentiles.GetProperty("annotations").GetProperty("yaxis")[0]
            .GetProperty("label").GetProperty("text").GetString());
        Assert.Contains("Slower than usual", page.Find("[data-testid=degraded]").TextContent);
        var histogram = pages.LastOptions("Runs");
        Assert.True(histogram.GetProperty("series")[0].GetProperty("data").EnumerateArray().Sum(p => p.GetProperty("y").GetDouble()) > 600);
        Assert.Equal(["Full", "Incremental"], page.FindAll("[data-sync-type]").Select(c => c.GetAttribute("data-sync-type")));
    }
}
