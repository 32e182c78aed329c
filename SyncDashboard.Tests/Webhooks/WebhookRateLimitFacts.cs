using System.Net;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Webhooks;
using SyncDashboard.Access;

namespace SyncDashboard.Tests.Webhooks;

/// <summary>The per-address limit on <c>POST /webhooks/todoist</c>, against the real app and its SQLite file.</summary>
public sealed class WebhookRateLimitFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WebhookTestApp App(int permitsPerMinute, bool forwardedHeaders = false) => new(new Dictionary<string, string?>
    {
        // A long debounce: the deliveries' sync stays armed, so nothing but the requests touches the database.
        ["Webhooks:DebounceSeconds"] = "300",
        ["Webhooks:RateLimit:PermitsPerMinute"] = permitsPerMinute.ToString(),
        // What ASPNETCORE_FORWARDEDHEADERS_ENABLED=true sets, as behind a reverse proxy.
        ["ForwardedHeaders_Enabled"] = forwardedHeaders ? "true" : "false",
    });

    private static async Task<long> RejectionsAsync(TestApp app)
    {
        await using var db = await app.CreateDbAsync();
        return await db.WebhookRejections.SumAsync(r => r.Count, Ct);
    }

    private static HttpRequestMessage Forged(string? from = null)
    {
        var request = WebhookTestApp.Request(WebhookTestApp.Body(), signature: null);
        if (from is not null) request.Headers.TryAddWithoutValidation("X-Forwarded-For", from);
        return request;
    }

    [Fact]
    public async Task BurstOverTheLimit_Gets429WithRetryAfter_AndWritesNothing()
    {
        await using var app = App(permitsPerMinute: 10);
        await app.StartAsync();
        using var http = app.CreateClient();

        var valid = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) valid.Add((await app.PostSignedAsync(http, WebhookTestApp.Body("item:updated", $"t{i}"))).StatusCode);
        var forged = new List<HttpResponseMessage>();
        for (var i = 0; i < 25; i++)
        {
            using var request = Forged();
            forged.Add(await http.SendAsync(request, Ct));
        }
        using var lateButValid = await app.PostSignedAsync(http, WebhookTestApp.Body("item:updated", "late"));

        Assert.All(valid, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 7).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 18)),
            forged.Select(r => r.StatusCode));
        Assert.All(forged.Skip(7), r =>
        {
            var retryAfter = int.Parse(Assert.Single(r.Headers.GetValues("Retry-After")));
            Assert.InRange(retryAfter, 1, 60);
        });
        Assert.Equal(HttpStatusCode.TooManyRequests, lateButValid.StatusCode);
        // Only the refusals that got past the limit were counted, and only the valid deliveries inside it recorded.
        Assert.Equal(7, await RejectionsAsync(app));
        Assert.Equal(3, (await app.DeliveriesAsync()).Count);
        forged.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Limit_IsPerClientAddress_AsForwardedByTheProxy()
    {
        await using var app = App(permitsPerMinute: 5, forwardedHeaders: true);
        await app.StartAsync();
        using var http = app.CreateClient();

        var flooder = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var request = Forged(from: "203.0.113.7");
            flooder.Add((await http.SendAsync(request, Ct)).StatusCode);
        }
        var body = WebhookTestApp.Body("item:added", "from-todoist");
        using var todoist = WebhookTestApp.Request(body, app.Sign(body));
        todoist.Headers.TryAddWithoutValidation("X-Forwarded-For", "198.51.100.20");
        using var delivered = await http.SendAsync(todoist, Ct);

        Assert.Equal(5, flooder.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(7, flooder.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("from-todoist", Assert.Single(await app.DeliveriesAsync()).ObjectId);
        Assert.Equal(5, await RejectionsAsync(app));
    }

    [Fact]
    public async Task Refusals_AreCountedExactly_ButWarnedAboutOncePerAddress()
    {
        await using var app = App(permitsPerMinute: 0, forwardedHeaders: true);
        await app.StartAsync();
        using var http = app.CreateClient();

        foreach (var from in Enumerable.Repeat("203.0.113.7", 40).Concat(Enumerable.Repeat("203.0.113.8", 10)))
        {
            using var request = Forged(from);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request, Ct)).StatusCode);
        }

        Assert.Equal(50, await RejectionsAsync(app));
        var warnings = app.Logs.Lines.Where(l => l.StartsWith("Warning") && l.Contains("Webhook refused")).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, l => l.Contains("203.0.113.7"));
        Assert.Contains(warnings, l => l.Contains("203.0.113.8"));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void ClientKey_IsTheIPv4Address_OrTheIPv6Slash64(string address, string expected) =>
        Assert.Equal(expected, ClientAddress.Key(IPAddress.Parse(address)));

    [Fact]
    public async Task Startup_Fails_NamingTheKey_WhenThePermitsAreNegative()
    {
        await using var app = App(permitsPerMinute: -1);

        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);

        Assert.Contains("PermitsPerMinute", error.ToString());
    }
}
