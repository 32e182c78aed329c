using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Api;

public sealed class SyncApiFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostSync_Returns202WithTheJobId_AndHangfireRunsIt()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        using var client = app.CreateClient();

        var response = await client.PostAsync("/api/sync?type=full", null, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var jobId = body.GetProperty("jobId").GetString();
        Assert.False(string.IsNullOrEmpty(jobId));
        Assert.Equal("Full", body.GetProperty("type").GetString());

        var run = await Eventually.ReturnsAsync(async () =>
        {
            await using var db = await app.CreateDbAsync();
            return await db.SyncEvents.SingleOrDefaultAsync(e => e.JobId == jobId && e.Status != SyncStatus.Started, Ct);
        });
        Assert.Equal(SyncStatus.Succeeded, run.Status);
        Assert.Equal(SyncTrigger.Manual, run.Trigger);
    }

    [Fact]
    public async Task PostSync_Returns409_WhileARunHoldsTheLease()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        Assert.True(await app.Get<SyncLease>().TryAcquireAsync(ServiceName.Todoist, "test/1/holder", TimeSpan.FromMinutes(1), Ct));
        using var client = app.CreateClient();

        var response = await client.PostAsync("/api/sync", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("running", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("weekly")]
    [InlineData("")]
    [InlineData("FULL;DROP")]
    public async Task PostSync_Returns400ProblemDetails_ForAnUnknownType(string type)
    {
        await using var app = new TestApp();
        await app.StartAsync();
        using var client = app.CreateClient();

        var response = await client.PostAsync($"/api/sync?type={Uri.EscapeDataString(type)}", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("type", out _));
    }
}
