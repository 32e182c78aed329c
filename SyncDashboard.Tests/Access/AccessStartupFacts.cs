using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Access;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;

namespace SyncDashboard.Tests.Access;

/// <summary>Which environments start open, which refuse, and what survives a restart.</summary>
public sealed class AccessStartupFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Development_WithNobodyConfigured_NeedsNoSignIn()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var home = await client.GetStringAsync("/", Ct);
        var sync = await client.PostAsync("/api/sync", null, Ct);

        Assert.Contains("data-testid=\"sync-now\"", home);
        Assert.Contains("data-testid=\"open-access\"", home);
        Assert.Equal(HttpStatusCode.Accepted, sync.StatusCode);
    }

    [Fact]
    public async Task Development_WithUsersConfigured_RequiresSignIn()
    {
        await using var app = new TestApp(UserSettings());
        await app.StartAsync();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/sync", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Production_WithNobodyConfigured_RefusesToStart_NamingTheKeys()
    {
        await using var app = new TestApp { EnvironmentName = "Production" };

        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);

        var message = Flatten(error);
        Assert.Contains("Access:Users:0:PasswordHash", message);
        Assert.Contains("Access:Oidc:Authority", message);
    }

    [Fact]
    public async Task Startup_Fails_NamingTheKey_WhenAPasswordHashIsAPlainPassword()
    {
        var settings = UserSettings();
        settings["Access:Users:1:PasswordHash"] = "operator-password";
        await using var app = new TestApp(settings) { EnvironmentName = "Production" };

        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);

        Assert.Contains("Access:Users:1:PasswordHash", Flatten(error));
    }

    [Fact]
    public async Task Startup_Fails_NamingTheKey_WhenARoleIsUnknown()
    {
        var settings = UserSettings();
        settings["Access:Users:0:Role"] = "Admin";
        await using var app = new TestApp(settings) { EnvironmentName = "Production" };

        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);

        Assert.Contains("Access:Users:0:Role", Flatten(error));
    }

    [Fact]
    public async Task Startup_Fails_NamingTheKey_WhenOidcHasNoClientId()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Access:Oidc:Authority"] = "https://id.example" })
        {
            EnvironmentName = "Production",
        };

        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);

        Assert.Contains("Access:Oidc:ClientId", Flatten(error));
    }

    /// <summary>The cookie is encrypted with keys kept on disk, readable by the app's user alone, so a restarted (or
    /// second) node accepts it.</summary>
    [Fact]
    public async Task SignIn_SurvivesARestart()
    {
        var keys = Path.Combine(TempFiles.Folder, $"keys-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?> { ["Access:KeysFolder"] = keys };
        string cookie;
        await using (var first = ProductionApp(settings))
        {
            using var client = Client(first);
            var response = await PostLoginAsync(client, ViewerName, ViewerPassword);
            cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-SyncDashboard="));
        }
        var keyFile = Assert.Single(Directory.GetFiles(keys, "key-*.xml"));
        if (!OperatingSystem.IsWindows())
        {
            // No DPAPI on Linux: the folder's permissions are all that protects the keys at rest.
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(keys));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        await using var second = ProductionApp(settings);
        using var restarted = Client(second);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/monitoring/state");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);

        Assert.Equal(HttpStatusCode.OK, (await restarted.SendAsync(request, Ct)).StatusCode);
    }

    /// <summary>Changing a user's password hash (or role, or removing them) ends sessions made with the old entry.</summary>
    [Fact]
    public async Task SignIn_Ends_WhenTheUsersEntryChanges()
    {
        var keys = Path.Combine(TempFiles.Folder, $"keys-{Guid.NewGuid():N}");
        string cookie;
        await using (var first = ProductionApp(new Dictionary<string, string?> { ["Access:KeysFolder"] = keys }))
        {
            using var client = Client(first);
            var response = await PostLoginAsync(client, ViewerName, ViewerPassword);
            cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-SyncDashboard="));
        }

        await using var second = ProductionApp(new Dictionary<string, string?>
        {
            ["Access:KeysFolder"] = keys,
            ["Access:Users:0:PasswordHash"] = ConfiguredUsers.Hash("a-new-viewer-password"),
        });
        using var restarted = Client(second);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/monitoring/state");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await restarted.SendAsync(request, Ct)).StatusCode);
    }

    [Fact]
    public async Task Startup_Fails_NamingTheKeys_WhenMaxSessionHoursIsBelowSessionHours()
    {
        await using var app = ProductionApp(new Dictionary<string, string?>
        {
            ["Access:SessionHours"] = "12",
            ["Access:MaxSessionHours"] = "8",
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);

        Assert.Contains("Access:MaxSessionHours (8) must be at least Access:SessionHours (12)", Flatten(error));
    }

    /// <summary>The cookie slides with activity; the sign-in time in it does not. Each request below is well inside the
    /// sliding window, yet the session ends at Access:MaxSessionHours.</summary>
    [Fact]
    public async Task Session_Ends_AtMaxSessionHours_EvenWhileActive()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new ClockedProductionApp(clock, new Dictionary<string, string?>
        {
            ["Access:SessionHours"] = "2",
            ["Access:MaxSessionHours"] = "3",
        });
        using var viewer = await SignedInAsync(app, ViewerName, ViewerPassword);

        clock.Advance(TimeSpan.FromHours(1.2));
        var afterOneHour = await viewer.GetAsync("/api/monitoring/state", Ct);
        clock.Advance(TimeSpan.FromHours(1.2));
        var afterTwoHours = await viewer.GetAsync("/api/monitoring/state", Ct);
        clock.Advance(TimeSpan.FromHours(0.7));
        var afterThreeHours = await viewer.GetAsync("/api/monitoring/state", Ct);

        Assert.Equal(HttpStatusCode.OK, afterOneHour.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterTwoHours.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterThreeHours.StatusCode);
    }

    [Fact]
    public async Task SignIn_IsRefused_AfterTooManyFailures_EvenWithTheRightPassword()
    {
        await using var app = ProductionApp(new Dictionary<string, string?> { ["Access:MaxFailedSignIns"] = "3" });
        using var client = Client(app);
        for (var i = 0; i < 3; i++) await PostLoginAsync(client, OperatorName, $"guess-{i}");

        var response = await PostLoginAsync(client, OperatorName, OperatorPassword);

        Assert.StartsWith("/login?failed=true", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/monitoring/state", Ct)).StatusCode);
    }

    [Fact]
    public async Task SignIn_OverPlainHttp_InProduction_SaysHttpsIsNeeded()
    {
        await using var app = ProductionApp();
        using var client = app.CreateClient(new() { BaseAddress = new Uri("http://dashboard.test"), AllowAutoRedirect = false });

        var login = await client.GetStringAsync("/login", Ct);

        Assert.Contains("data-testid=\"sign-in-needs-https\"", login);
        Assert.DoesNotContain("data-testid=\"sign-in-form\"", login);
    }

    /// <summary>Hiding the form is not enough: a post that comes anyway (a script, a stale tab, a client that ignores
    /// Secure cookies) would carry the password in clear. It is answered like a failed sign-in, with no session.</summary>
    [Fact]
    public async Task SignIn_PostedOverPlainHttp_InProduction_IsRefusedLikeAFailedSignIn()
    {
        await using var app = ProductionApp();
        var (cookie, token) = await LoginFormOverHttpsAsync(app);
        using var plain = app.CreateClient(new()
        {
            BaseAddress = new Uri("http://dashboard.test"), AllowAutoRedirect = false, HandleCookies = false,
        });

        var response = await PostLoginWithAsync(plain, cookie, token);

        Assert.Equal("/login?failed=true&ReturnUrl=%2F", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain(SetCookies(response), c => c.Contains("SyncDashboard="));
    }

    [Fact]
    public async Task SignIn_OverPlainHttp_Works_WhenRequireHttpsIsOff()
    {
        await using var app = ProductionApp(new Dictionary<string, string?> { ["Access:RequireHttps"] = "false" });
        using var plain = app.CreateClient(new() { BaseAddress = new Uri("http://dashboard.test"), AllowAutoRedirect = false });

        var response = await PostLoginAsync(plain, OperatorName, OperatorPassword);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("/api/monitoring/state", Ct)).StatusCode);
    }

    /// <summary>The antiforgery cookie and token the login page hands out over https, without a cookie container
    /// (which would never send a Secure cookie over plain http).</summary>
    private static async Task<(string Cookie, string Token)> LoginFormOverHttpsAsync(TestApp app)
    {
        using var https = app.CreateClient(new() { BaseAddress = HttpsBase, AllowAutoRedirect = false, HandleCookies = false });
        var login = await https.GetAsync("/login", Ct);
        var cookie = SetCookies(login).Single(c => c.StartsWith("__Host-SyncDashboard.Antiforgery=")).Split(';')[0];
        var match = System.Text.RegularExpressions.Regex.Match(await login.Content.ReadAsStringAsync(Ct),
            @"name=""__RequestVerificationToken""[^>]*value=""(?<value>[^""]+)""");
        return (cookie, WebUtility.HtmlDecode(match.Groups["value"].Value));
    }

    private static async Task<HttpResponseMessage> PostLoginWithAsync(HttpClient client, string cookie, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["username"] = OperatorName,
                ["password"] = OperatorPassword,
                ["returnUrl"] = "/",
            }),
        };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Ct);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];

    private sealed class ClockedProductionApp : TestApp
    {
        private readonly FakeTimeProvider clock;

        public ClockedProductionApp(FakeTimeProvider clock, IDictionary<string, string?> more) : base(WithUsers(more))
        {
            this.clock = clock;
            EnvironmentName = "Production";
        }

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<TimeProvider>(clock);

        private static Dictionary<string, string?> WithUsers(IDictionary<string, string?> more)
        {
            var settings = UserSettings();
            foreach (var (key, value) in more) settings[key] = value;
            return settings;
        }
    }

    internal static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : "");
}
