using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using Xunit;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Browser;

/// <summary>Overview, Errors, History and Simulator in a real Chromium against the app on a real port: they load
/// cleanly, and what one does on them shows up live, in this browser and in others.</summary>
public sealed class DashboardPagesFacts(ChromiumFixture chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/errors")]
    [InlineData("/errors?resolved=true")]
    [InlineData("/history")]
    [InlineData("/history?status=Failed&range=24h")]
    [InlineData("/simulator")]
    [InlineData("/slo")]
    public async Task Page_LoadsLive_WithNoConsoleErrorOrFailedResponse(string path)
    {
        await using var app = new TestApp();
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());

        await session.OpenLiveAsync(path);

        await Assertions.Expect(session.Page.Locator("h1")).ToBeVisibleAsync();
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task Pages_CountNounsByNumber_NeverWithAParenthesisedPlural()
    {
        // A minute's first retry delay keeps the chain at one attempt: "1 open failure chain", "1 attempt".
        await using var app = new TestApp(new Dictionary<string, string?> { ["Retry:BaseDelaySeconds"] = "60" });
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        await app.SyncAsync(SyncType.Full);
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        await app.SyncAsync(SyncType.Incremental);

        foreach (var path in new[] { "/", "/timeline", "/errors?resolved=true", "/performance", "/history", "/webhooks", "/alerts", "/slo", "/maintenance", "/simulator" })
        {
            await session.OpenLiveAsync(path);
            await Assertions.Expect(session.Page.Locator("h1")).ToBeVisibleAsync();
            if (path.StartsWith("/errors", StringComparison.Ordinal))
            {
                await Assertions.Expect(session.Page.Locator("[data-testid=open-count]")).ToContainTextAsync("1 open failure chain,");
            }
            var text = await session.Page.EvaluateAsync<string>("() => document.body.innerText");
            // "chain(s)" is what a count that does not know its number reads like; "Retry-After (s)" is a unit.
            var match = System.Text.RegularExpressions.Regex.Match(text, @"\w+\(s\)");
            Assert.False(match.Success, $"{path} says '{match.Value}'");
        }
        Assert.Empty(session.Problems);
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(2560, 1440)]
    public async Task Pages_FitTheWindow_FromALaptopToAWideScreen_InDarkModeToo(int width, int height)
    {
        await using var app = new TestApp();
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;
        await page.SetViewportSizeAsync(width, height);
        await app.SyncAsync(SyncType.Full);

        var toggled = false;
        foreach (var path in new[] { "/", "/errors", "/history", "/simulator" })
        {
            await session.OpenLiveAsync(path);
            // Switched on once: the choice is kept in the browser, so every later page opens dark by itself.
            if (!toggled)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark mode" }).ClickAsync();
                toggled = true;
            }
            // MudBlazor paints the page through its palette variables: dark means a dark background really applied.
            await page.WaitForFunctionAsync(
                "() => getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b) < 200");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} at {width} px is {overflow} px wider than the window");
        }
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task FaultFromTheSimulatorPanel_ShowsAChainOnErrorsLive_AndResolvingItDeletesItsRetryJob()
    {
        // A minute's first retry delay keeps the retry pending while the test looks at it.
        await using var app = new TestApp(new Dictionary<string, string?> { ["Retry:BaseDelaySeconds"] = "60" });
        var address = app.StartOnRealPort();
        await using var errors = await PageSession.OpenAsync(chromium.Browser, address);
        await using var simulator = await PageSession.OpenAsync(chromium.Browser, address);
        await errors.OpenLiveAsync("/errors");
        await Assertions.Expect(errors.Page.Locator("[data-testid=errors-empty]")).ToBeVisibleAsync();
        await simulator.OpenLiveAsync("/simulator");

        await simulator.Page.GetByRole(AriaRole.Button, new() { Name = "Fill in the Outage preset" }).ClickAsync();
        await simulator.Page.GetByRole(AriaRole.Button, new() { Name = "Apply faults" }).ClickAsync();
        await Assertions.Expect(simulator.Page.Locator("[data-testid=faults-now]")).ToHaveTextAsync("error rate 100% (503)");
        await simulator.Page.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();

        var chain = errors.Page.Locator("[data-chain-id][data-open=true]");
        await Assertions.Expect(chain).ToHaveCountAsync(1);
        await Assertions.Expect(chain.Locator("[data-testid=countdown]")).ToContainTextAsync("next retry in");
        await chain.GetByText("Details: full message, Todoist's error, attempts").ClickAsync();
        await Assertions.Expect(chain.Locator("[data-testid=error-tag]")).ToBeVisibleAsync();
        await Assertions.Expect(chain.Locator("[data-testid=error-tag]")).Not.ToHaveTextAsync("—");
        await Assertions.Expect(chain.Locator("[data-testid=event-id]")).Not.ToHaveTextAsync("—");
        var pendingJob = await PendingJobAsync(app);
        await Assertions.Expect(chain.Locator("[data-testid=pending-job]")).ToHaveTextAsync(pendingJob);
        await Screenshots.TakeAsync(errors.Page, "errors.png");
        await Assertions.Expect(simulator.Page.Locator("[data-testid=faults-now]")).ToHaveTextAsync("error rate 100% (503)");
        await Screenshots.TakeAsync(simulator.Page, "simulator.png");

        await chain.GetByRole(AriaRole.Button, new() { Name = "Resolve error chain" }).ClickAsync();

        await Assertions.Expect(errors.Page.Locator("[data-testid=errors-empty]")).ToBeVisibleAsync();
        Assert.Empty(errors.Problems);
        Assert.Empty(simulator.Problems);
        // Hangfire's own dashboard says what became of the retry job: its latest state, the first in its history.
        await errors.Page.GotoAsync($"/hangfire/jobs/details/{pendingJob}");
        await Assertions.Expect(errors.Page.GetByRole(AriaRole.Heading, new() { Level = 4 }).First).ToContainTextAsync("Deleted");
        await using var db = await app.CreateDbAsync();
        var audited = await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal([AuditAction.FaultInjection, AuditAction.SyncNow, AuditAction.ResolveError], audited);
    }

    [Fact]
    public async Task Pause_StopsTheRecurringRuns_UntilResumed_AndThePageSaysSo()
    {
        await using var app = new TestApp();
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;
        await session.OpenLiveAsync("/");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause syncing" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=paused]")).ToContainTextAsync("Syncing is paused since");
        await Assertions.Expect(page.Locator("[data-testid=paused-by]")).ToHaveTextAsync("local user");
        await Assertions.Expect(page.Locator("[data-kpi=next-sync]")).ToContainTextAsync("paused");

        var succeeded = SucceededJobs(app);
        app.Get<IRecurringJobManager>().Trigger(SyncSchedule.IncrementalJobId);
        // The run's job finishes (as held back), and no event, no call to Todoist.
        await WaitUntilAsync(() => SucceededJobs(app) > succeeded);
        Assert.Equal(0, await page.Locator("[data-event-id]").CountAsync());
        Assert.Equal(0, app.Simulator.Counters.SyncCalls);

        await page.GetByRole(AriaRole.Button, new() { Name = "Resume syncing" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=paused]")).ToHaveCountAsync(0);
        app.Get<IRecurringJobManager>().Trigger(SyncSchedule.IncrementalJobId);
        await Assertions.Expect(page.Locator("[data-status=Succeeded]")).ToHaveCountAsync(1);
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task TwoBrowsers_SeeTheSameChange_WithoutReloading()
    {
        await using var app = new TestApp();
        var address = app.StartOnRealPort();
        await using var first = await PageSession.OpenAsync(chromium.Browser, address);
        await using var second = await PageSession.OpenAsync(chromium.Browser, address);
        await first.OpenLiveAsync("/");
        await second.OpenLiveAsync("/");
        await second.Page.EvaluateAsync("() => window.__sameDocument = true");

        await first.Page.GetByRole(AriaRole.Button, new() { Name = "Pause syncing" }).ClickAsync();
        await Assertions.Expect(second.Page.Locator("[data-testid=paused]")).ToBeVisibleAsync();
        await second.Page.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();
        await Assertions.Expect(first.Page.Locator("[data-status=Succeeded]")).ToHaveCountAsync(1);
        await Assertions.Expect(second.Page.Locator("[data-status=Succeeded]")).ToHaveCountAsync(1);

        Assert.True(await second.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page reloaded.");
        Assert.Empty(first.Problems);
        Assert.Empty(second.Problems);
    }

    [Fact]
    public async Task History_ShowsNewEventsLive_OpensTheirDetails_AndKeepsFiltersInTheUrl()
    {
        await using var app = new TestApp();
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;
        await session.OpenLiveAsync("/history");
        await Assertions.Expect(page.Locator("[data-testid=history-empty]")).ToBeVisibleAsync();

        await app.SyncAsync(SyncType.Full);
        // The second run through Hangfire, queued by the sync API, so its event carries the job that ran it; with
        // changes to bring, as an everyday incremental sync has.
        app.Simulator.ApplyRandomChanges(6);
        var queued = await page.APIRequest.PostAsync("api/sync");
        Assert.Equal(202, queued.Status);
        var jobId = (await queued.JsonAsync())!.Value.GetProperty("jobId").GetString()!;

        var rows = page.Locator("[data-history-event-id]");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-status=Succeeded]")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Details of event 2" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=token-after]")).ToContainTextAsync("…");
        var jobLink = page.Locator("[data-testid=job-link]");
        await Assertions.Expect(jobLink).ToHaveTextAsync(jobId);
        await Screenshots.TakeAsync(page, "history.png");
        var jobPage = await jobLink.GetAttributeAsync("href");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close details" }).ClickAsync();

        await page.GotoAsync("/history?type=Full");
        await Assertions.Expect(page.Locator("[data-live=true]")).ToBeAttachedAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        var csv = await page.Locator("[data-testid=export-csv]").GetAttributeAsync("href");
        Assert.Matches(@"^api/monitoring/events\.csv\?from=\d{4}-.+Z&to=\d{4}-.+Z$", Uri.UnescapeDataString(csv!));
        Assert.Empty(session.Problems);

        // The drawer's link leads to Hangfire's own page for the job that ran the sync.
        await page.GotoAsync(jobPage!);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Incremental sync (Manual)");
        await Assertions.Expect(page.Locator(".job-snippet-code")).ToContainTextAsync(new System.Text.RegularExpressions.Regex($@"// Id: #{jobId}\b"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 4 }).First).ToContainTextAsync("Succeeded");
    }

    private static long SucceededJobs(TestApp app) => app.Get<JobStorage>().GetMonitoringApi().SucceededListCount();

    /// <summary>The open chain's retry job, once it is scheduled (just after the failed run is recorded).</summary>
    private static Task<string> PendingJobAsync(TestApp app) => Eventually.ReturnsAsync(async () =>
    {
        await using var db = await app.CreateDbAsync();
        return (await db.SyncErrors.SingleAsync(c => c.ResolvedUtc == null, Ct)).PendingJobId;
    });

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        await Eventually.ReturnsAsync(() => Task.FromResult(condition() ? "yes" : null));
    }
}
