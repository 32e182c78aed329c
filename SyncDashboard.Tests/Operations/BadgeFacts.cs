using System.Net;
using System.Text.Json;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Operations;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;

namespace SyncDashboard.Tests.Operations;

public sealed class BadgeFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Badge_IsNotServed_ByDefault()
    {
        await using var app = ProductionApp();
        await app.StartAsync();
        using var client = Client(app);

        var svg = await client.GetAsync(OperationsSetup.BadgeSvgPath, Ct);
        var json = await client.GetAsync(OperationsSetup.BadgeJsonPath, Ct);

        Assert.NotEqual("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(HttpStatusCode.OK, json.StatusCode);
    }

    [Fact]
    public async Task BadgeSvg_ShowsTheHealthWord_ToAnonymous_WhenEnabled()
    {
        await using var app = ProductionApp(new Dictionary<string, string?> { ["Badge:Enabled"] = "true" });
        await app.StartAsync();
        await app.SyncAsync(SyncType.Full, SyncTrigger.Manual);
        using var client = Client(app);

        var response = await client.GetAsync(OperationsSetup.BadgeSvgPath, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var verdict = await app.Get<HealthQueries>().GetAsync("todoist", Ct);
        var expected = StatusBadge.For(verdict.Status);
        var svg = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains($">{expected.Message}</text>", svg);
        Assert.Contains(expected.Hex, svg);
        Assert.Contains("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task BadgeJson_IsAShieldsEndpoint_RevealingOnlyTheWord()
    {
        await using var app = ProductionApp(new Dictionary<string, string?> { ["Badge:Enabled"] = "true" });
        await app.StartAsync();
        using var client = Client(app);

        var response = await client.GetAsync(OperationsSetup.BadgeJsonPath, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["color", "label", "message", "schemaVersion"], names);
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        var expected = StatusBadge.For((await app.Get<HealthQueries>().GetAsync("todoist", Ct)).Status);
        Assert.Equal(expected.Message, json.RootElement.GetProperty("message").GetString());
        Assert.Equal(expected.Color, json.RootElement.GetProperty("color").GetString());
    }

    [Theory]
    [InlineData(HealthStatus.Healthy, "healthy", "brightgreen")]
    [InlineData(HealthStatus.Degraded, "degraded", "yellow")]
    [InlineData(HealthStatus.Unhealthy, "unhealthy", "red")]
    [InlineData(HealthStatus.Unknown, "unknown", "lightgrey")]
    [InlineData(null, "unknown", "lightgrey")]
    public void For_NamesTheWordAndColour(HealthStatus? status, string message, string color)
    {
        var badge = StatusBadge.For(status);

        Assert.Equal((message, color), (badge.Message, badge.Color));
        Assert.Contains($"aria-label=\"sync: {message}\"", badge.ToSvg());
    }
}
