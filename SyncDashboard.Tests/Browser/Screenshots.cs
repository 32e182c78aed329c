using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

/// <summary>The docs' pictures, taken by the browser tests as a reader should see the page: no snackbar fading out
/// over a card, no colour transition caught halfway, and the whole page in one window.</summary>
internal static class Screenshots
{
    /// <summary>Where to write them instead of the test output, relative to the repository root: docs/screenshots to
    /// refresh the committed pictures (scripts/refresh-screenshots.sh).</summary>
    public const string FolderVariable = "SYNCDASHBOARD_SCREENSHOTS_DIR";

    /// <summary>Under the test output unless asked otherwise, so that a test run leaves the working tree as it was.
    /// </summary>
    public static string Folder { get; } =
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder
            ? Path.GetFullPath(folder, RepositoryRoot.Path)
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static string PathOf(string name)
    {
        Directory.CreateDirectory(Folder);
        return Path.Combine(Folder, name);
    }

    public static async Task TakeAsync(IPage page, string name)
    {
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
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
