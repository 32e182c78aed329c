using System.Diagnostics;
using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

[assembly: AssemblyFixture(typeof(SyncDashboard.Tests.Browser.ChromiumFixture))]

namespace SyncDashboard.Tests.Browser;

/// <summary>One headless Chromium for the whole test run: the distribution's package, never a Playwright download
/// (`playwright install` is not part of the build). Missing locally, browser tests skip with the install command;
/// with CI=true they fail, because CI always installs it.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string DefaultPath = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultPath;

    private static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        // Process-wide, and Playwright's own is 5 s: every expectation waits as long as the browser's actions do.
        Assertions.SetDefaultExpectTimeout(TestTimeouts.Milliseconds(TestTimeouts.Browser));
        if (!File.Exists(ExecutablePath)) return;
        // The driver (node + Playwright's package) ships in the NuGet package and is copied to .playwright/ in the
        // build output; with ExecutablePath set nothing is downloaded.
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
            Timeout = TestTimeouts.Milliseconds(TestTimeouts.Process),
        });
    }

    /// <summary>The browser, or a skipped (locally) / failed (CI) test when Chromium is not installed.</summary>
    public IBrowser Browser
    {
        get
        {
            if (browser is not null) return browser;
            var message = $"Chromium not found at {ExecutablePath}; install it with: sudo apt-get install -y chromium";
            if (IsCi) Assert.Fail($"{message} (CI=true: browser tests must run, not skip)");
            Assert.Skip(message);
            throw new UnreachableException();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
