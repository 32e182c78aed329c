using System.Globalization;
using Microsoft.Playwright;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Browser;

/// <summary>Times read in the browser's zone, not the server's: a browser in Tokyo sees the UTC time plus nine hours,
/// with the UTC time on hover.</summary>
public sealed class BrowserTimeZoneFacts(ChromiumFixture chromium)
{
    [Fact]
    public async Task Overview_ShowsTimesInTheBrowsersZone_WithUtcOnHover()
    {
        await using var app = new TestApp();
        var address = app.StartOnRealPort();
        await app.SyncAsync(SyncType.Full);
        // PageSession's context has no zone option; this one is its like, in Tokyo (UTC+09:00, no daylight saving).
        await using var context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = address.ToString(), TimezoneId = "Asia/Tokyo", ViewportSize = new() { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(TestTimeouts.Milliseconds(TestTimeouts.Browser));
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        // Responses only: without PageSession's request routing Chromium also asks for /favicon.ico, a console 404.
        page.Response += (_, response) => { if (response.Status >= 400) errors.Add($"HTTP {response.Status}: {response.Url}"); };

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-live=true]")).ToBeAttachedAsync();

        var started = page.Locator("[data-event-id]").First;
        // The title is "… UTC" once the zone is known ("UTC: …why" before).
        await Assertions.Expect(started).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$"));
        var utc = DateTime.ParseExact(await started.GetAttributeAsync("title") ?? "", "yyyy-MM-dd HH:mm:ss 'UTC'",
            CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var tokyo = utc.AddHours(9).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        await Assertions.Expect(started).ToHaveTextAsync(tokyo);
        Assert.Equal("Asia/Tokyo", await page.EvaluateAsync<string>("() => Intl.DateTimeFormat().resolvedOptions().timeZone"));
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
