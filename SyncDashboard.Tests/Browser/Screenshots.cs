using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

/// <summary>The README's pictures (docs/screenshots), taken by the browser tests as a reader should see the page:
/// no snackbar fading out over a card, no colour transition caught halfway, and the whole page in one window.</summary>
internal static class Screenshots
{
    /// <summary>MudBlazor shows a snackbar for a few seconds and then fades it out.</summary>
    private const int SnackbarsGoneWithinMs = 15_000;

    public static string PathOf(string name)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public static async Task TakeAsync(IPage page, string name)
    {
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = SnackbarsGoneWithinMs });
        // The button the test pressed last would show hovered and focused.
        await page.Mouse.MoveAsync(0, 0);
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        // A full-page shot leaves fixed elements (the navigation drawer) at the window's height, so the drawer would
        // end halfway down a long page: make the window as tall as the page instead.
        var viewport = page.ViewportSize!;
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        if (height > viewport.Height)
        {
            await page.SetViewportSizeAsync(viewport.Width, height);
            // ApexCharts redraws its charts 150 ms after a window resize; let that happen before, not during, the shot.
            await page.EvaluateAsync("() => new Promise(r => setTimeout(r, 400))");
        }
        await page.ScreenshotAsync(new()
        {
            Path = PathOf(name),
            FullPage = true,
            // Finished, not mid-way: a chip turning from Unknown to Healthy is otherwise caught pale.
            Animations = ScreenshotAnimations.Disabled,
        });
        if (height > viewport.Height) await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
    }
}
