using Microsoft.Playwright;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

/// <summary>The main actions with the keyboard alone: Tab until the control has focus, Enter, and the action happens.
/// A control a mouse can click but Tab never reaches, or one a screen reader cannot name, fails here.</summary>
public sealed class KeyboardFacts(ChromiumFixture chromium, TestApp app) : IClassFixture<TestApp>
{
    /// <summary>More than any page has focusable controls before its main action.</summary>
    private const int MaxTabs = 60;

    [Fact]
    public async Task SyncNow_OnTheOverview_RunsFromTheKeyboard()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;
        await session.OpenLiveAsync("/");
        var runs = await page.Locator("[data-status=Succeeded]").CountAsync();

        var button = await TabToAsync(page, "[data-testid=sync-now]");
        await Assertions.Expect(button).ToHaveAccessibleNameAsync("Sync now");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("[data-status=Succeeded]")).ToHaveCountAsync(runs + 1);
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task RangeToggle_OnTheTimeline_SwitchesFromTheKeyboard()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;
        await session.OpenLiveAsync("/timeline");

        var toggle = await TabToAsync(page, "[data-range-key='7d']");
        await Assertions.Expect(toggle).ToHaveAccessibleNameAsync("Last 7 d");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/timeline\?range=7d$"));
        await Assertions.Expect(page.Locator("[data-testid=timeline][data-range='7d']")).ToBeAttachedAsync();
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task DetailsButton_InHistory_OpensTheDrawerFromTheKeyboard()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;
        await app.SyncAsync(SyncType.Full);
        await session.OpenLiveAsync("/history");
        var newest = await page.Locator("[data-history-event-id]").First.GetAttributeAsync("data-history-event-id");

        var details = await TabToAsync(page, $"[aria-label='Details of event {newest}']");
        await Assertions.Expect(details).ToHaveAccessibleNameAsync($"Details of event {newest}");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Event #{newest}" })).ToBeVisibleAsync();
        Assert.Empty(session.Problems);
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has focus, and returns it; fails
    /// with the path Tab took when it never gets there.</summary>
    private static async Task<ILocator> TabToAsync(IPage page, string selector)
    {
        var path = new List<string>();
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
                return page.Locator(selector);
            path.Add(await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return e ? `${e.tagName.toLowerCase()} '${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 30)}'` : 'none'; }"));
        }
        Assert.Fail($"{MaxTabs} presses of Tab never reached {selector}; focus went: {string.Join(" → ", path)}");
        throw new InvalidOperationException();
    }
}
