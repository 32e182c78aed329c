using Microsoft.Playwright;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;

namespace SyncDashboard.Tests.Browser;

/// <summary>Signing in and out in a real browser, in Production with configured users (over plain http, so
/// Access:RequireHttps is off here), with the CSP in force: any violation is a console error, and a console error
/// fails the test.</summary>
public sealed class SignInFacts(ChromiumFixture chromium, SignInFacts.App app) : IClassFixture<SignInFacts.App>
{
    public sealed class App : TestApp
    {
        public App() : base(new Dictionary<string, string?>(UserSettings()) { ["Access:RequireHttps"] = "false" }) =>
            EnvironmentName = "Production";
    }

    [Fact]
    public async Task Operator_SignsIn_SeesSyncNow_AndSignsOut()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;

        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?ReturnUrl=%2F$"));
        await Screenshots.TakeAsync(page, "login.png");
        await page.GetByLabel("Name").FillAsync(OperatorName);
        await page.GetByLabel("Password").FillAsync(OperatorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-live=true]")).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sync now" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=signed-in-user]")).ToHaveTextAsync($"{OperatorName} · Operator");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?signedOut=true$"));
        await Assertions.Expect(page.Locator("[data-testid=signed-out]")).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?ReturnUrl=%2F$"));
        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task Viewer_SeesNoSyncNow_AndHangfireReadOnly_WithNoCspViolations()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;
        await page.GotoAsync("/login");
        await page.GetByLabel("Name").FillAsync(ViewerName);
        await page.GetByLabel("Password").FillAsync(ViewerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-live=true]")).ToBeAttachedAsync();

        await Assertions.Expect(page.Locator("[data-testid=sync-state]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=sync-now]")).ToHaveCountAsync(0);

        // Hangfire polls its stats over XHR a while after each page loads: wait for that poll's answer, so the script
        // that makes it has run under the CSP too.
        await page.RunAndWaitForResponseAsync(() => page.GotoAsync("/hangfire"), IsStatsPoll);
        await Assertions.Expect(page.GetByText("Realtime Graph").First).ToBeVisibleAsync();
        await page.RunAndWaitForResponseAsync(() => page.GotoAsync("/hangfire/recurring"), IsStatsPoll);
        await Assertions.Expect(page.GetByText("Recurring jobs").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".js-jobs-list-command")).ToHaveCountAsync(0);
        Assert.Empty(session.Problems);
    }

    private static bool IsStatsPoll(IResponse response) => new Uri(response.Url).AbsolutePath == "/hangfire/stats";

    [Fact]
    public async Task WrongPassword_ShowsTheGenericMessage()
    {
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        var page = session.Page;
        await page.GotoAsync("/login");
        await page.GetByLabel("Name").FillAsync(OperatorName);
        await page.GetByLabel("Password").FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=sign-in-failed]")).ToBeVisibleAsync();
        Assert.Empty(session.Problems);
    }

}
