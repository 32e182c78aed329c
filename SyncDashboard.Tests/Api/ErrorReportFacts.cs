using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Api;

public sealed class ErrorReportFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Errors_ListsOpenChains_GroupedByKind_WithAttemptsAndTheNextRetry()
    {
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["Retry:BaseDelaySeconds"] = "600",
            ["Retry:MaxDelaySeconds"] = "3600",
        });
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        await RunAsync(app);
        await RunAsync(app);
        using var http = app.CreateClient();

        var report = await http.GetFromJsonAsync<JsonElement>("/api/monitoring/errors", Ct);

        Assert.Equal(1, report.GetProperty("openChains").GetInt32());
        var kind = report.GetProperty("byKind").EnumerateArray().Single();
        Assert.Equal("Transient", kind.GetProperty("kind").GetString());
        var chain = report.GetProperty("chains").EnumerateArray().Single();
        Assert.Equal("SERVICE_UNAVAILABLE", chain.GetProperty("errorCode").GetString());
        Assert.Equal(2, chain.GetProperty("attempts").GetArrayLength());
        Assert.Equal([1, 2], chain.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("attempt").GetInt32()));
        Assert.InRange(chain.GetProperty("secondsToNextRetry").GetDouble(), 400, 720);
    }

    [Fact]
    public async Task Errors_HidesResolvedChains_UnlessAsked()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        await RunAsync(app);
        app.Simulator.Faults = new SimulatorFaults();
        await RunAsync(app);
        using var http = app.CreateClient();

        var open = await http.GetFromJsonAsync<JsonElement>("/api/monitoring/errors", Ct);
        var all = await http.GetFromJsonAsync<JsonElement>("/api/monitoring/errors?includeResolved=true", Ct);

        Assert.Equal(0, open.GetProperty("chains").GetArrayLength());
        var resolved = all.GetProperty("chains").EnumerateArray().Single();
        Assert.Equal("Recovered", resolved.GetProperty("resolution").GetString());
        Assert.Equal(JsonValueKind.Null, resolved.GetProperty("secondsToNextRetry").ValueKind);
    }

    [Theory]
    [InlineData("includeResolved=maybe", "includeResolved")]
    [InlineData("includeResolved=notabool", "includeResolved")]
    [InlineData("includeResolved=1", "includeResolved")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=-1", "limit")]
    public async Task Errors_Returns400_ForABadParameter(string query, string parameter)
    {
        await using var app = new TestApp();
        await app.StartAsync();
        using var http = app.CreateClient();

        var response = await http.GetAsync($"/api/monitoring/errors?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    private static Task RunAsync(TestApp app) => app.SyncAsync();
}
