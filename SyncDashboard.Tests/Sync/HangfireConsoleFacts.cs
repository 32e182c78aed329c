using System.Net;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Sync;

/// <summary>The admin console at /hangfire: there for local requests, refused to anything else until sign-in exists.</summary>
public sealed class HangfireConsoleFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Console_ShowsTheRecurringSyncs_ToALocalRequest()
    {
        await using var app = new TestApp();
        var address = app.StartOnRealPort();
        using var http = new HttpClient { BaseAddress = address };

        var home = await http.GetAsync("/hangfire", Ct);
        var recurring = await http.GetStringAsync("/hangfire/recurring", Ct);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("SyncDashboard · jobs", await home.Content.ReadAsStringAsync(Ct));
        Assert.Contains(SyncSchedule.IncrementalJobId, recurring);
        Assert.Contains(SyncSchedule.FullJobId, recurring);
    }

    [Fact]
    public async Task Console_RefusesARequestThatIsNotProvablyLocal()
    {
        // The in-memory test server carries no remote address, like a request whose origin cannot be told.
        await using var app = new TestApp();
        await app.StartAsync();
        using var http = app.CreateClient();

        var response = await http.GetAsync("/hangfire", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
