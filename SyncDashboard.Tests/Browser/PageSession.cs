using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

/// <summary>A fresh browser context and page on the app under test that records what a user would not see but a
/// test must: console errors, uncaught exceptions, 4xx/5xx responses, failed requests and any request leaving the
/// app's host (the dashboard must work offline, so those are blocked and reported).</summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> problems = [];
    private readonly Lock gate = new();

    private PageSession(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Problems
    {
        get { lock (gate) return [.. problems]; }
    }

    public static async Task<PageSession> OpenAsync(IBrowser browser, Uri app)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = app.ToString(), ViewportSize = new() { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(TestTimeouts.Milliseconds(TestTimeouts.Browser));
        var page = await context.NewPageAsync();
        var session = new PageSession(context, page);

        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" && url.Authority != app.Authority)
            {
                session.Add($"external request: {route.Request.Url}");
                await route.AbortAsync();
                return;
            }
            await route.ContinueAsync();
        });
        page.Console += (_, message) =>
        {
            if (message.Type == "error") session.Add($"console error: {message.Text}");
        };
        page.PageError += (_, error) => session.Add($"page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) session.Add($"HTTP {response.Status}: {response.Url}");
        };
        page.RequestFailed += (_, request) =>
        {
            // Closing the page cancels the circuit's long-lived connection; that is not the app's failure.
            if (request.Failure is not "net::ERR_ABORTED") session.Add($"request failed: {request.Url} ({request.Failure})");
        };
        return session;
    }

    /// <summary>Opens a path and waits until the page is interactive and listening for changes.</summary>
    public async Task OpenLiveAsync(string path)
    {
        await Page.GotoAsync(path);
        await Assertions.Expect(Page.Locator("[data-live=true]")).ToBeAttachedAsync();
    }

    private void Add(string problem)
    {
        lock (gate) problems.Add(problem);
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
