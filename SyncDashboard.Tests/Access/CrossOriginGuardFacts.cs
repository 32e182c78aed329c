using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SyncDashboard.Access;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;

namespace SyncDashboard.Tests.Access;

/// <summary>The decision alone, as a table: what a browser says about where a request comes from.</summary>
public sealed class CrossOriginGuardFacts
{
    private const string Host = "dashboard.test";

    [Theory]
    // Reads never change anything.
    [InlineData("GET", false, "cross-site", "https://evil.example", true)]
    [InlineData("HEAD", false, "cross-site", null, true)]
    [InlineData("OPTIONS", false, "cross-site", null, true)]
    // Sec-Fetch-Site decides when present: only this origin, or the user's own navigation.
    [InlineData("POST", false, "same-origin", null, true)]
    [InlineData("POST", false, "none", null, true)]
    [InlineData("POST", false, "same-site", null, false)]
    [InlineData("POST", false, "cross-site", null, false)]
    [InlineData("POST", false, "cross-site", "https://dashboard.test", false)]
    [InlineData("DELETE", false, "same-site", null, false)]
    // Without it, Origin is compared with the Host the request was sent to.
    [InlineData("POST", false, null, "https://dashboard.test", true)]
    [InlineData("POST", false, null, "http://dashboard.test", true)]
    [InlineData("POST", false, null, "https://DASHBOARD.test", true)]
    [InlineData("POST", false, null, "https://evil.example", false)]
    [InlineData("POST", false, null, "https://dashboard.test:8443", false)]
    [InlineData("POST", false, null, "https://dashboard.test.evil.example", false)]
    [InlineData("POST", false, null, "null", false)]
    [InlineData("POST", false, null, "file://dashboard.test", false)]
    // Neither: not a browser page (curl, a script, a webhook delivery).
    [InlineData("POST", false, null, null, true)]
    [InlineData("PUT", false, "", "", true)]
    // A WebSocket handshake is a GET, but the circuit behind it acts.
    [InlineData("GET", true, "same-site", null, false)]
    [InlineData("GET", true, null, "http://127.0.0.1:5001", false)]
    [InlineData("GET", true, "same-origin", "https://dashboard.test", true)]
    [InlineData("GET", true, null, null, true)]
    public void IsAllowed_FollowsFetchMetadataThenOrigin(
        string method, bool webSocket, string? secFetchSite, string? origin, bool allowed) =>
        Assert.Equal(allowed, CrossOriginGuard.IsAllowed(method, webSocket, secFetchSite, origin, Host));

    [Fact]
    public void IsAllowed_ComparesThePort_WhenTheHostHasOne() =>
        Assert.False(CrossOriginGuard.IsAllowed("POST", false, null, "http://127.0.0.1:5001", "127.0.0.1:5000"));
}

/// <summary>The whole app in Production: an operator's cookie is not enough to change anything from another origin,
/// whatever the body; the same request from the dashboard itself, or from a tool that sends no Origin, works.</summary>
public sealed class CrossOriginRequestFacts(CrossOriginRequestFacts.ProductionApp app)
    : IClassFixture<CrossOriginRequestFacts.ProductionApp>
{
    public sealed class ProductionApp : TestApp
    {
        public ProductionApp() : base(UserSettings()) => EnvironmentName = "Production";
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string?, string?, string> ForeignRequests => new()
    {
        // The probe: curl with the cookie, a foreign Origin and a text/plain body.
        { "/api/sync/pause", "https://evil.example", null, "text/plain" },
        // What a browser sends for a form auto-submitted by a page on another port of the same host.
        { "/api/sync/pause", "https://dashboard.test:8443", "same-site", "application/x-www-form-urlencoded" },
        { "/api/sync/pause", null, "cross-site", "text/plain" },
        { "/api/sync", "https://evil.example", "cross-site", "multipart/form-data; boundary=x" },
        { "/api/errors/1/resolve", "https://evil.example", null, "text/plain" },
        { "/api/errors/1/retry", null, "same-site", "application/x-www-form-urlencoded" },
    };

    [Theory]
    [MemberData(nameof(ForeignRequests))]
    public async Task OperatorCookie_ChangesNothing_FromAnotherOrigin(
        string path, string? origin, string? fetchSite, string contentType)
    {
        using var @operator = await SignedInAsync(app, OperatorName, OperatorPassword);
        var auditedBefore = await AuditCountAsync();

        var response = await PostAsync(@operator, path, origin, fetchSite, contentType);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(auditedBefore, await AuditCountAsync());
        Assert.False(await IsPausedAsync(@operator));
    }

    [Fact]
    public async Task OperatorCookie_Pauses_FromTheDashboardsOwnOrigin()
    {
        using var @operator = await SignedInAsync(app, OperatorName, OperatorPassword);

        var sameOrigin = await PostAsync(@operator, "/api/sync/pause", "https://dashboard.test", "same-origin", null);
        var resumed = await PostAsync(@operator, "/api/sync/resume", null, null, null);

        Assert.Equal(HttpStatusCode.OK, sameOrigin.StatusCode);
        Assert.True((await sameOrigin.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("changed").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
    }

    /// <summary>Same origin is not enough for a form or text body: the API takes its arguments in the query.</summary>
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task OperatorCookie_Gets415_ForABodyThatIsNotJson(string contentType)
    {
        using var @operator = await SignedInAsync(app, OperatorName, OperatorPassword);

        var response = await PostAsync(@operator, "/api/sync/pause", null, null, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(await IsPausedAsync(@operator));
    }

    [Fact]
    public async Task SignOut_FromAnotherOrigin_IsRefused_AndTheSessionLives()
    {
        using var @operator = await SignedInAsync(app, OperatorName, OperatorPassword);
        var token = await AntiforgeryTokenAsync(@operator, "/");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Origin", "https://dashboard.test:8443");
        request.Headers.Add("Sec-Fetch-Site", "same-site");

        var response = await @operator.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await @operator.GetAsync("/api/monitoring/state", Ct)).StatusCode);
    }

    /// <summary>The antiforgery attribute alone did not protect a handler that binds no form.</summary>
    [Fact]
    public async Task SignOut_WithoutTheAntiforgeryToken_IsRefused_AndTheSessionLives()
    {
        using var @operator = await SignedInAsync(app, OperatorName, OperatorPassword);

        var response = await @operator.PostAsync("/account/logout", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await @operator.GetAsync("/api/monitoring/state", Ct)).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string path, string? origin, string? fetchSite, string? contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (contentType is not null)
        {
            request.Content = new StringContent("paused=true");
            request.Content.Headers.Remove("Content-Type");
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return await client.SendAsync(request, Ct);
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = await app.CreateDbAsync();
        return db.AuditEntries.Count();
    }

    private static async Task<bool> IsPausedAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/monitoring/state", Ct)).GetProperty("isPaused").GetBoolean();
}
