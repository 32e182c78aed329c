using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Access;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;
using SyncDashboard.Data;

namespace SyncDashboard.Tests.Access;

/// <summary>Signing out ends the session on the server, against the real app and its SQLite file: a copy of the cookie
/// taken before is refused after, by this node and by another one sharing the database and the keys.</summary>
public sealed class SessionRevocationFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CookieSavedBeforeSignOut_IsRefusedAfterIt()
    {
        await using var app = ProductionApp();
        using var @operator = await SignedInAsync(app, OperatorName, OperatorPassword);
        var saved = await SessionCookieAsync(@operator);

        var signOut = await SignOutAsync(@operator);

        Assert.Equal("/login?signedOut=true", signOut.Headers.Location?.OriginalString);
        using var replay = Client(app);
        var api = await WithCookieAsync(replay, HttpMethod.Get, "/api/monitoring/state", saved);
        var action = await WithCookieAsync(replay, HttpMethod.Post, "/api/sync/pause", saved);
        var page = await WithCookieAsync(replay, HttpMethod.Get, "/", saved);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, action.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location?.PathAndQuery);
    }

    /// <summary>Before the revocation was in the database, the same replay worked: this is what the test guards.</summary>
    [Fact]
    public async Task CookieSavedBeforeSignOut_StillWorks_ForAnotherSessionOfTheSameUser()
    {
        await using var app = ProductionApp();
        using var first = await SignedInAsync(app, OperatorName, OperatorPassword);
        using var second = await SignedInAsync(app, OperatorName, OperatorPassword);

        await SignOutAsync(first);

        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/monitoring/state", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/monitoring/state", Ct)).StatusCode);
    }

    /// <summary>Two nodes share the database and the data-protection keys; signing out on one ends the session on the
    /// other at its next request.</summary>
    [Fact]
    public async Task SignOutOnOneNode_IsRefusedOnAnother()
    {
        var keys = Path.Combine(TempFiles.Folder, $"keys-{Guid.NewGuid():N}");
        var shared = new Dictionary<string, string?> { ["Access:KeysFolder"] = keys };
        await using var nodeA = ProductionApp(shared);
        await using var nodeB = ProductionApp(shared, databaseFile: nodeA.DatabaseFile);
        using var onA = await SignedInAsync(nodeA, OperatorName, OperatorPassword);
        var saved = await SessionCookieAsync(onA);
        using var onB = Client(nodeB);
        var beforeOnB = await WithCookieAsync(onB, HttpMethod.Get, "/api/monitoring/state", saved);

        await SignOutAsync(onA);
        var afterOnB = await WithCookieAsync(onB, HttpMethod.Get, "/api/monitoring/state", saved);

        Assert.Equal(HttpStatusCode.OK, beforeOnB.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterOnB.StatusCode);
    }

    /// <summary>Against the app's SQLite file, with a clock of its own (advancing the app's clock by a day would run
    /// its every periodic timer for the whole day).</summary>
    [Fact]
    public async Task RevokeAsync_ForgetsRevocationsOlderThanTheLongestSession()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var revocations = new SessionRevocations(app.Get<IDbContextFactory<MonitoringDbContext>>(),
            Options.Create(new AccessOptions { MaxSessionHours = 24 }), clock);
        await revocations.RevokeAsync("early", Ct);
        clock.Advance(TimeSpan.FromHours(23));
        await revocations.RevokeAsync("later", Ct);
        var bothKept = await revocations.IsRevokedAsync("early", Ct);

        clock.Advance(TimeSpan.FromHours(2));
        await revocations.RevokeAsync("last", Ct);
        await revocations.RevokeAsync("last", Ct);

        Assert.True(bothKept);
        Assert.False(await revocations.IsRevokedAsync("early", Ct));
        Assert.True(await revocations.IsRevokedAsync("later", Ct));
        await using var db = await app.CreateDbAsync();
        Assert.Equal(["last", "later"], (await db.RevokedSessions.Select(r => r.SessionId).ToListAsync(Ct)).Order());
    }

    /// <summary>A second sign-out (another tab, after the first) is not an error: it lands on the login page.</summary>
    [Fact]
    public async Task SignOut_WithAnEndedSession_LandsOnTheLoginPage()
    {
        await using var app = ProductionApp();
        using var @operator = await SignedInAsync(app, OperatorName, OperatorPassword);
        var saved = await SessionCookieAsync(@operator);
        var token = await AntiforgeryTokenAsync(@operator, "/");
        await SignOutAsync(@operator);
        using var staleTab = Client(app);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", saved);
        var response = await staleTab.SendAsync(request, Ct);

        Assert.Equal("/login?signedOut=true", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Close_AbortsTheSessionsOpenHubConnections_OnlyThem()
    {
        var circuits = new CircuitConnections(NullLogger<CircuitConnections>.Instance);
        var mine = new DefaultHttpContext();
        var theirs = new DefaultHttpContext();
        var release = new TaskCompletionSource();
        var aborted = new List<string>();
        mine.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestLifetimeFeature>(new Lifetime(() => aborted.Add("mine")));
        theirs.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestLifetimeFeature>(new Lifetime(() => aborted.Add("theirs")));
        var runningMine = circuits.TrackAsync(mine, "session-a", _ => release.Task);
        var runningTheirs = circuits.TrackAsync(theirs, "session-b", _ => release.Task);

        var closed = circuits.Close("session-a");
        release.SetResult();
        await Task.WhenAll(runningMine, runningTheirs);

        Assert.Equal(1, closed);
        Assert.Equal(["mine"], aborted);
        Assert.Equal(0, circuits.OpenCount("session-a"));
        Assert.Equal(0, circuits.Close("session-b"));
    }

    private sealed class Lifetime(Action onAbort) : Microsoft.AspNetCore.Http.Features.IHttpRequestLifetimeFeature
    {
        public CancellationToken RequestAborted { get; set; }

        public void Abort() => onAbort();
    }

    private static async Task<HttpResponseMessage> SignOutAsync(HttpClient client)
    {
        var token = await AntiforgeryTokenAsync(client, "/");
        return await client.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
    }

    /// <summary>The session cookie as the browser holds it, by asking the client's own container.</summary>
    private static async Task<string> SessionCookieAsync(HttpClient client)
    {
        // The test server's handler keeps cookies internally: read it back from a request it makes.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/monitoring/state");
        var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var header = response.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : "";
        return header.Split(';').Select(c => c.Trim()).Single(c => c.StartsWith("__Host-SyncDashboard="));
    }

    private static async Task<HttpResponseMessage> WithCookieAsync(HttpClient client, HttpMethod method, string path, string cookie)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Ct);
    }
}
