using Microsoft.Playwright;
using SyncDashboard.Components.Charts;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;
using Xunit;

namespace SyncDashboard.Tests.Browser;

/// <summary>Charts with as little as there can be: one run, one failed run, nothing. What counts is what a reader
/// sees, so the plot is screenshotted and its pixels counted in the series' colours: an element in the DOM can still
/// be transparent, clipped or hidden by the library.</summary>
public sealed class ChartDataFacts(ChromiumFixture chromium)
{
    /// <summary>Every page of the dashboard; charts found on any of them are checked, so a chart added to another
    /// page is covered once its colours are listed in <see cref="SeriesColours"/>.</summary>
    private static readonly string[] Pages =
        ["/", "/timeline", "/errors", "/performance", "/history", "/webhooks", "/alerts", "/simulator"];

    /// <summary>The colours of the series a lone successful run appears in, per chart.</summary>
    private static readonly Dictionary<string, string[]> SeriesColours = new()
    {
        ["runs-chart"] = [ChartPalette.Success],
        ["durations-chart"] = [ChartPalette.Primary, ChartPalette.Warning],
        ["percentiles-chart"] = [ChartPalette.Primary, ChartPalette.Warning],
        ["histogram-chart"] = [ChartPalette.Primary],
    };

    /// <summary>A lone point's dot, less its white rim, is about 50 pixels; a bar, hundreds. A few pixels of a colour
    /// could be anti-aliasing of something else.</summary>
    private const int VisiblePixels = 10;

    [Fact]
    public async Task EveryChart_ShowsASingleRun_AsADotOrABarYouCanSee()
    {
        await using var app = new TestApp();
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;
        await app.SyncAsync(SyncType.Full);

        var seen = new List<string>();
        foreach (var path in Pages)
        {
            await session.OpenLiveAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            foreach (var figure in await page.Locator("figure.apex-chart").AllAsync())
            {
                var chart = (await figure.GetAttributeAsync("data-testid"))!;
                Assert.True(SeriesColours.ContainsKey(chart), $"{path}: chart {chart} has no colours listed in this test");
                await Assertions.Expect(figure.Locator("svg.apexcharts-svg")).ToBeVisibleAsync();
                foreach (var colour in SeriesColours[chart])
                {
                    var pixels = await PlotPixelsAsync(page, figure, colour);
                    Assert.True(pixels >= VisiblePixels, $"{path}: {chart} shows {colour} in {pixels} pixels of its plot");
                }
                seen.Add(chart);
            }
            if (path is "/timeline" or "/performance") await Screenshots.TakeAsync(page, $"one-run{path.Replace('/', '-')}.png");
        }
        Assert.Equal(SeriesColours.Keys.Order(), seen.Order());
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task ALoneRunsDots_StayVisible_WhenTheChartIsUpdatedLive()
    {
        await using var app = new TestApp();
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;
        await app.SyncAsync(SyncType.Full);
        await session.OpenLiveAsync("/timeline");
        var durations = page.Locator("figure[data-testid=durations-chart]");
        await Assertions.Expect(durations.Locator("svg.apexcharts-svg")).ToBeVisibleAsync();

        // A second run in the same hour: still the window's only point, with new values drawn into the same chart.
        await app.SyncAsync(SyncType.Incremental);

        await Assertions.Expect(durations.Locator(".apex-chart-host")).ToHaveAttributeAsync("data-chart-updates", "1");
        foreach (var colour in SeriesColours["durations-chart"])
        {
            var pixels = await PlotPixelsAsync(page, durations, colour);
            Assert.True(pixels >= VisiblePixels, $"After the update, {colour} shows in {pixels} pixels");
        }
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task Durations_SayTheyHaveNoData_WithNoAxes_WhenTheOnlyRunFailed()
    {
        // A minute's first retry delay keeps it at one failed run.
        await using var app = new TestApp(new Dictionary<string, string?> { ["Retry:BaseDelaySeconds"] = "60" });
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        await app.SyncAsync(SyncType.Full);

        await session.OpenLiveAsync("/timeline");

        var runs = page.Locator("figure[data-testid=runs-chart]");
        await Assertions.Expect(runs.Locator("svg.apexcharts-svg")).ToBeVisibleAsync();
        var red = await PlotPixelsAsync(page, runs, ChartPalette.Failure);
        Assert.True(red >= VisiblePixels, $"The failed run's bar shows in {red} pixels");
        // The chain it opened, minutes ago, in the newest bucket: on the chart as well as in the table.
        await Assertions.Expect(page.Locator("[data-marker-kind=ChainOpened]")).ToHaveCountAsync(1);
        await Assertions.Expect(runs.Locator(".apexcharts-xaxis-annotations line")).ToHaveCountAsync(1);
        var durations = page.Locator("figure[data-testid=durations-chart]");
        await Assertions.Expect(durations.Locator("[data-testid=chart-no-data]")).ToHaveTextAsync("No successful runs in this window");
        await Assertions.Expect(durations.Locator("svg")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(page, "one-failed-run-timeline.png");
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task EveryPage_SaysThereIsNoData_AndDrawsNoAxes_WhenTheDatabaseIsEmpty()
    {
        await using var app = new TestApp();
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;

        foreach (var path in Pages)
        {
            await session.OpenLiveAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            var empty = path switch
            {
                "/timeline" => "timeline-empty",
                "/performance" => "performance-empty",
                _ => null,
            };
            if (empty is not null) await Assertions.Expect(page.Locator($"[data-testid={empty}]")).ToBeVisibleAsync();
            // A chart that is there without data shows its text in place of the plot.
            foreach (var figure in await page.Locator("figure.apex-chart[data-has-data=false]").AllAsync())
            {
                await Assertions.Expect(figure.Locator("[data-testid=chart-no-data]")).ToBeVisibleAsync();
            }
            Assert.Equal(0, await page.Locator("svg.apexcharts-svg").CountAsync());
        }
        Assert.Empty(session.Problems);
    }

    /// <summary>How many pixels of the chart's plot (its grid, with a margin for a dot on the edge) are about
    /// <paramref name="colour"/>, in a screenshot decoded in the page itself. Annotations are hidden for the shot:
    /// a failure chain's marker is the same red as a failed run's bar. Bars are drawn at 85% opacity, so a bar's pixel
    /// is a little paler than its series' colour.</summary>
    private static async Task<int> PlotPixelsAsync(IPage page, ILocator figure, string colour)
    {
        var grid = await figure.Locator(".apexcharts-grid").BoundingBoxAsync()
                   ?? throw new InvalidOperationException("The chart has no plot.");
        const float margin = 8;
        const string annotations = ".apexcharts-xaxis-annotations, .apexcharts-yaxis-annotations, .apexcharts-point-annotations";
        await figure.Locator(annotations).EvaluateAllAsync<int>("all => { all.forEach(a => a.style.visibility = 'hidden'); return all.length; }");
        var png = await page.ScreenshotAsync(new()
        {
            Clip = new Clip { X = grid.X - margin, Y = grid.Y - margin, Width = grid.Width + 2 * margin, Height = grid.Height + 2 * margin },
            Animations = ScreenshotAnimations.Disabled,
        });
        await figure.Locator(annotations).EvaluateAllAsync<int>("all => { all.forEach(a => a.style.visibility = ''); return all.length; }");
        var rgb = new[] { 1, 3, 5 }.Select(i => Convert.ToInt32(colour.Substring(i, 2), 16)).ToArray();
        return await page.EvaluateAsync<int>("""
            async ({ png, rgb }) => {
                const image = new Image();
                image.src = 'data:image/png;base64,' + png;
                await image.decode();
                const canvas = document.createElement('canvas');
                canvas.width = image.width;
                canvas.height = image.height;
                const context = canvas.getContext('2d');
                context.drawImage(image, 0, 0);
                const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
                let count = 0;
                for (let i = 0; i < data.length; i += 4) {
                    const distance = Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]);
                    if (distance < 90) count++;
                }
                return count;
            }
            """, new { png = Convert.ToBase64String(png), rgb });
    }
}
