using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Monitoring;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Api;

public sealed class MonitoringApiFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_ReturnsTheLatestFirst_WithTheDocumentedFields()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        for (var i = 0; i < 3; i++) await RunAsync(app);
        using var client = app.CreateClient();

        var events = await client.GetFromJsonAsync<JsonElement[]>("/api/monitoring/events?limit=2", Ct);

        Assert.NotNull(events);
        Assert.Equal(2, events.Length);
        Assert.True(events[0].GetProperty("id").GetInt64() > events[1].GetProperty("id").GetInt64());
        foreach (var field in new[] { "id", "type", "trigger", "status", "startedAt", "completedAt", "durationMs",
                     "itemsProcessed", "errorCode", "errorMessage" })
        {
            Assert.True(events[0].TryGetProperty(field, out _), $"missing '{field}'");
        }
        Assert.Equal("Succeeded", events[0].GetProperty("status").GetString());
        Assert.EndsWith("Z", events[0].GetProperty("startedAt").GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("501")]
    [InlineData("ten")]
    [InlineData("1e3")]
    public async Task Events_Returns400ProblemDetails_ForABadLimit(string limit)
    {
        await using var app = new TestApp();
        await app.StartAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync($"/api/monitoring/events?limit={limit}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task Events_FiltersAndPages_WithANextLink()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        for (var i = 0; i < 3; i++) await RunAsync(app);
        using var client = app.CreateClient();

        var first = await client.GetAsync("/api/monitoring/events?limit=2&status=succeeded", Ct);
        var next = first.Headers.GetValues("Link").Single();
        var link = next[(next.IndexOf('<') + 1)..next.IndexOf('>')];
        var second = await client.GetFromJsonAsync<JsonElement[]>(link, Ct);
        var failed = await client.GetFromJsonAsync<JsonElement[]>("/api/monitoring/events?status=Failed", Ct);

        Assert.Equal(2, (await first.Content.ReadFromJsonAsync<JsonElement[]>(Ct))!.Length);
        Assert.Contains("status=succeeded", link);
        Assert.Single(second!);
        Assert.Empty(failed!);
    }

    [Theory]
    [InlineData("status=Exploded", "status")]
    [InlineData("type=7", "type")]
    [InlineData("trigger=cron", "trigger")]
    [InlineData("cursor=abc", "cursor")]
    public async Task Events_Returns400_ForABadFilterOrCursor(string query, string parameter)
    {
        await using var app = new TestApp();
        await app.StartAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync($"/api/monitoring/events?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task State_ShowsTheSyncStateAndMirrorCounts()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        using var client = app.CreateClient();

        var before = await client.GetFromJsonAsync<JsonElement>("/api/monitoring/state", Ct);
        await RunAsync(app);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/monitoring/state", Ct);

        Assert.False(before.GetProperty("hasRun").GetBoolean());
        Assert.Equal(0, before.GetProperty("mirror").GetProperty("items").GetInt32());
        Assert.True(after.GetProperty("hasRun").GetBoolean());
        Assert.True(after.GetProperty("isHealthy").GetBoolean());
        Assert.Equal(0, after.GetProperty("consecutiveFailures").GetInt32());
        Assert.True(after.GetProperty("mirror").GetProperty("items").GetInt32() > 0);
        Assert.True(after.GetProperty("mirror").GetProperty("projects").GetInt32() > 0);
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("lastSuccessfulSyncAt").ValueKind);
        Assert.DoesNotContain(app.Get<Microsoft.Extensions.Options.IOptions<SyncDashboard.Todoist.Simulator.SimulatorOptions>>().Value.Token,
            after.GetRawText());
    }

    private static async Task RunAsync(TestApp app)
    {
        var outcome = await app.SyncAsync();
        Assert.Equal(SyncOutcomeKind.Succeeded, outcome.Kind);
    }
}
