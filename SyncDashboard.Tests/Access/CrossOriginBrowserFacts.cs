using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SyncDashboard.Access;
using SyncDashboard.Tests.Browser;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;

namespace SyncDashboard.Tests.Access;

/// <summary>A real attack from a real browser: an operator signed in to the dashboard opens a page served from
/// another port of the same host (the same site, so the SameSite=Lax cookie goes along). Its auto-submitted form and
/// its no-cors fetch reach the app with the cookie, and change nothing. Signing out then closes the session's other
/// tabs' circuits.</summary>
public sealed class CrossOriginBrowserFacts(ChromiumFixture chromium, CrossOriginBrowserFacts.App app)
    : IClassFixture<CrossOriginBrowserFacts.App>, IAsyncLifetime
{
    public sealed class App : TestApp
    {
        public App() : base(new Dictionary<string, string?>(UserSettings())
        {
            ["Access:RequireHttps"] = "false",
            // Open tabs check their session every second here, not every minute.
            ["Access:RevalidateSeconds"] = "1",
        }) => EnvironmentName = "Production";

        /// <summary>What reached the app: every post, with whether it carried the session cookie.</summary>
        public System.Collections.Concurrent.ConcurrentQueue<(string Path, bool SessionCookie, string FetchSite)> Posts { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<IStartupFilter>(new RecordPosts(Posts));
    }

    /// <summary>Records posts before the app's own pipeline sees them.</summary>
    private sealed class RecordPosts(System.Collections.Concurrent.ConcurrentQueue<(string, bool, string)> posts) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((http, nextStep) =>
            {
                if (HttpMethods.IsPost(http.Request.Method))
                {
                    posts.Enqueue((http.Request.Path.Value ?? "", http.Request.Cookies.ContainsKey("SyncDashboard"),
                        http.Request.Headers["Sec-Fetch-Site"].ToString()));
                }
                return nextStep(http);
            });
            next(builder);
        };
    }

    private WebApplication? attacker;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var target = app.StartOnRealPort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        attacker = builder.Build();
        foreach (var (path, html) in AttackPages(target)) attacker.MapGet(path, () => Results.Content(html, "text/html"));
        await attacker.StartAsync(Ct);
    }

    /// <summary>The attacker's origin: the app's host name, another port.</summary>
    private Uri AttackerOrigin()
    {
        var port = new Uri(attacker!.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;
        return new UriBuilder(app.StartOnRealPort()) { Port = port, Path = "/" }.Uri;
    }

    private static Dictionary<string, string> AttackPages(Uri target) => new()
    {
        ["/form"] = $"""
            <form method="post" action="{target}api/sync/pause" enctype="text/plain"><input name="a" value="b"></form>
            <script>document.forms[0].submit()</script>
            """,
        ["/urlencoded"] = $"""
            <form method="post" action="{target}api/sync/pause"><input name="paused" value="true"></form>
            <script>document.forms[0].submit()</script>
            """,
        ["/fetch"] = $$"""
            <script>
              fetch("{{target}}api/sync/pause", { method: "POST", mode: "no-cors", credentials: "include",
                headers: { "Content-Type": "text/plain" }, body: "x" }).finally(() => document.title = "sent");
            </script>
            """,
        ["/logout"] = $"""
            <form method="post" action="{target}account/logout"></form><script>document.forms[0].submit()</script>
            """,
    };

    [Theory]
    [InlineData("/form")]
    [InlineData("/urlencoded")]
    [InlineData("/fetch")]
    public async Task ForeignPage_PostingWithTheOperatorsCookie_ChangesNothing(string attackPage)
    {
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await SignInAsync(context);
        var auditBefore = await AuditCountAsync();

        app.Posts.Clear();
        var forged = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/sync/pause"));
        await page.GotoAsync(new Uri(AttackerOrigin(), attackPage).ToString());
        var response = await forged;

        // The browser did send the session cookie: without the guard this request would have paused syncing.
        Assert.Contains(app.Posts, p => p is { Path: "/api/sync/pause", SessionCookie: true, FetchSite: "same-site" });
        Assert.Equal(403, response.Status);
        Assert.Equal(auditBefore, await AuditCountAsync());
        Assert.False(await IsPausedAsync());
        // The same cookie from the dashboard's own page does act: the refusal was the origin's.
        var own = await context.NewPageAsync();
        await own.GotoAsync(app.StartOnRealPort() + "login");
        var status = await own.EvaluateAsync<int>("async () => (await fetch('/api/sync/resume', { method: 'POST' })).status");
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task ForeignPage_CannotSignTheOperatorOut()
    {
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await SignInAsync(context);

        app.Posts.Clear();
        var forged = page.WaitForResponseAsync(r => r.Url.EndsWith("/account/logout"));
        await page.GotoAsync(new Uri(AttackerOrigin(), "/logout").ToString());
        var response = await forged;
        await page.GotoAsync(app.StartOnRealPort().ToString());

        Assert.Equal(403, response.Status);
        Assert.Contains(app.Posts, p => p is { Path: "/account/logout", SessionCookie: true });
        await Assertions.Expect(page.Locator("[data-testid=signed-in-user]")).ToHaveTextAsync($"{OperatorName} · Operator");
    }

    /// <summary>Two tabs of one session; signing out in one closes the other's circuit on the server at its next
    /// revalidation (every second here).</summary>
    [Fact]
    public async Task SignOut_ClosesTheSessionsOtherCircuits()
    {
        await using var context = await chromium.Browser.NewContextAsync();
        var first = await SignInAsync(context);
        var second = await context.NewPageAsync();
        await second.GotoAsync(app.StartOnRealPort().ToString());
        await Assertions.Expect(second.Locator("[data-live=true]")).ToBeAttachedAsync();
        var circuits = app.Get<CircuitConnections>();
        var openBefore = circuits.Count;

        await first.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(first).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?signedOut=true$"));

        Assert.Equal(2, openBefore);
        await Eventually.ReturnsAsync(() => Task.FromResult(circuits.Count == 0 ? "closed" : null));
        // The tab's attempt to reconnect is refused: the cookie it would send is gone, and a copy would be revoked.
        await second.ReloadAsync();
        await Assertions.Expect(second).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?ReturnUrl=%2F$"));
    }

    private async Task<IPage> SignInAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.StartOnRealPort() + "login");
        await page.GetByLabel("Name").FillAsync(OperatorName);
        await page.GetByLabel("Password").FillAsync(OperatorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-live=true]")).ToBeAttachedAsync();
        return page;
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = await app.CreateDbAsync();
        return await db.AuditEntries.CountAsync(Ct);
    }

    private async Task<bool> IsPausedAsync()
    {
        await using var db = await app.CreateDbAsync();
        return await db.SyncStates.AnyAsync(s => s.IsPaused, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (attacker is not null) await attacker.DisposeAsync();
    }
}
