using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Operations;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;

namespace SyncDashboard.Tests.Operations;

public sealed class HealthEndpointFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Live_AnswersHealthy_ToAnonymousInProduction()
    {
        await using var app = ProductionApp();
        await app.StartAsync();
        using var client = Client(app);

        var response = await client.GetAsync(OperationsSetup.LivePath, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Ready_AnswersABareStatus_ToAnonymousInProduction()
    {
        await using var app = ProductionApp();
        await app.StartAsync();
        using var client = Client(app);

        var response = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Ready_NamesEachCheck_ToASignedInUser()
    {
        await using var app = ProductionApp();
        await app.StartAsync();
        using var client = await SignedInAsync(app, ViewerName, ViewerPassword);

        var response = await ReadyAsync(client);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        foreach (var name in new[] { "database", "hangfire-server", "simulator" })
        {
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Ready_Is503_WhenAMigrationIsPending()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(client)).StatusCode);

        await using (var db = await app.CreateDbAsync())
        {
            // As if this build were newer than the schema: its last migration is not applied.
            await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM __EFMigrationsHistory WHERE MigrationId = (SELECT MAX(MigrationId) FROM __EFMigrationsHistory)", Ct);
        }
        var response = await client.GetAsync(OperationsSetup.ReadyPath, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.Contains("pending", database.GetProperty("description").GetString());
        // Live is about the process only.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(OperationsSetup.LivePath, Ct)).StatusCode);
    }

    /// <summary>Ready once this node's Hangfire server has sent its first heartbeat, a moment after start-up.</summary>
    internal static async Task<HttpResponseMessage> ReadyAsync(HttpClient client) =>
        await Eventually.ReturnsAsync(async () =>
        {
            var response = await client.GetAsync(OperationsSetup.ReadyPath, Ct);
            return response.StatusCode == HttpStatusCode.OK ? response : null;
        }, TimeSpan.FromSeconds(60));
}
