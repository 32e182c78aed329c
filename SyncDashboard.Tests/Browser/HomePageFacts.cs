using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Live;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Browser;

/// <summary>The test app with a recurring sync registered, as a real installation has (the overview's "next scheduled
/// sync" would otherwise say there is no schedule), at a minute half an hour away so it cannot run during the test.
/// The app is in demo mode, which schedules <c>Sync:DemoIncrementalCron</c>, not <c>Sync:IncrementalCron</c>.</summary>
public sealed class ScheduledTestApp() : TestApp(new Dictionary<string, string?>
{
    ["Sync:DemoIncrementalCron"] = $"{(DateTime.UtcNow.Minute + 30) % 60} * * * *",
});

public sealed class HomePageFacts(ChromiumFixture chromium, ScheduledTestApp app) : IClassFixture<ScheduledTestApp>
{
    [Fact]
    public async Task Open_ShowsDashboardWithStylesAndNoErrors_WhenNothingHasSynced()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;

        await session.OpenLiveAsync("/");

        await Assertions.Expect(page.GetByText("Demo mode: simulated Todoist")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sync now" })).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=sync-state]")).ToBeVisibleAsync();
        // MudBlazor's stylesheet really applied (the app bar is fixed only with it), not just requested.
        var appBarPosition = await page.Locator("header.mud-appbar")
            .EvaluateAsync<string>("e => getComputedStyle(e).position");
        Assert.Equal("fixed", appBarPosition);
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task SyncNow_AddsAnEventRow_WithoutReloadingThePage()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;
        await session.OpenLiveAsync("/");
        var rows = page.Locator("[data-event-id]");
        var before = await rows.CountAsync();
        // A full reload would drop this marker, so its survival proves the row arrived over the circuit.
        await page.EvaluateAsync("() => window.__sameDocument = true");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sync now" }).ClickAsync();
        var snackbar = await SnackbarTextAsync(page);

        try
        {
            await page.WaitForFunctionAsync(
                "n => document.querySelectorAll('[data-event-id]').length > n", before);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No new event row within {TestTimeouts.Browser} of Sync now. "
                + $"Snackbar: '{snackbar}'. Problems: {string.Join("; ", session.Problems)}");
        }

        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page reloaded.");
        // Let the run finish so the screenshot shows a completed row, not a spinner.
        await Assertions.Expect(page.Locator("[data-status=Started]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-kpi=next-sync]")).ToContainTextAsync("in ");
        await Screenshots.TakeAsync(page, "overview.png");
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task Commit_ShowsNewRowAndState_WhenNotifierRaisesChanged()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;
        await session.OpenLiveAsync("/");
        await page.EvaluateAsync("() => window.__sameDocument = true");

        // What the engine does after its transaction, without the engine: commit a row, then notify.
        var id = await CommitEventAsync();
        await app.Services.GetRequiredService<MonitoringNotifier>().NotifyAsync();

        await Assertions.Expect(page.Locator($"[data-event-id='{id}']")).ToBeAttachedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page reloaded.");
        Assert.Empty(session.Problems);
    }

    private async Task<long> CommitEventAsync()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<MonitoringDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var started = DateTime.UtcNow.AddSeconds(-2);
        var row = new SyncEvent
        {
            Service = ServiceName.Todoist, Type = SyncType.Incremental, Trigger = SyncTrigger.Manual,
            Status = SyncStatus.Succeeded, StartedUtc = started, CompletedUtc = started.AddMilliseconds(850),
            DurationMs = 850, ItemsProcessed = 3, ItemsAdded = 1, ItemsUpdated = 2,
        };
        db.SyncEvents.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    /// <summary>The snackbar's text shortly after an action, or "" when none showed (it hides itself after a while,
    /// so read it early and keep it for the failure message). A short wait: the test goes on either way.</summary>
    internal static async Task<string> SnackbarTextAsync(IPage page)
    {
        var snackbar = page.Locator(".mud-snackbar").First;
        var glimpse = TestTimeouts.Scaled(TimeSpan.FromSeconds(5));
        try { await snackbar.WaitForAsync(new() { Timeout = TestTimeouts.Milliseconds(glimpse) }); }
        catch (TimeoutException) { return ""; }
        return await snackbar.InnerTextAsync();
    }
}
