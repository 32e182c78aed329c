using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Api;

/// <summary>The verifications over HTTP: listed, summarised, exported and requested.</summary>
public sealed class VerificationApiFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verifications_AreListedNewestFirst_Summarised_AndExported()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        await app.SyncAsync(SyncType.Full);
        await app.SyncAsync(SyncType.Full); // exact
        string edited;
        await using (var db = await app.CreateDbAsync())
        {
            var task = await db.Items.Where(i => !i.Checked).OrderBy(i => i.Id).FirstAsync(Ct);
            edited = task.Id;
            task.Content = "=HYPERLINK(\"https://evil.example\")";
            await db.SaveChangesAsync(Ct);
        }
        await app.SyncAsync(SyncType.Full); // drift
        using var client = app.CreateClient();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/monitoring/verifications", Ct);
        Assert.Equal(["Drift", "Exact"], list.EnumerateArray().Select(v => v.GetProperty("outcome").GetString()));
        var drift = list[0];
        Assert.Equal(1, drift.GetProperty("changed").GetInt32());
        var example = drift.GetProperty("byType")[0].GetProperty("examples")[0];
        Assert.Equal((edited, "Changed"), (example.GetProperty("id").GetString(), example.GetProperty("kind").GetString()));
        Assert.Equal(3, drift.GetProperty("extraCalls").GetInt32());

        var status = await client.GetFromJsonAsync<JsonElement>("/api/monitoring/verifications/status", Ct);
        Assert.Equal("Drift", status.GetProperty("latest").GetProperty("outcome").GetString());
        Assert.Equal(list[1].GetProperty("verifiedUtc").GetDateTime(), status.GetProperty("lastExactUtc").GetDateTime());

        var csv = await client.GetAsync("/api/monitoring/verifications.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("attachment; filename=\"mirror-verifications-", csv.Content.Headers.ContentDisposition?.ToString());
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("id,verifiedAt,outcome,missing,extra,changed,byType,examples,", lines[0]);
        Assert.Contains(",Exact,0,0,0,", lines[1]);
        Assert.Contains($"Changed items {edited} (", lines[2]);
        // The task's content is in the examples cell, which starts with the kind: no formula however it is written.
        Assert.DoesNotContain(",=HYPERLINK", lines[2]);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/monitoring/verifications.json", Ct);
        Assert.Equal(["Exact", "Drift"], json.EnumerateArray().Select(v => v.GetProperty("outcome").GetString()));

        var bad = await client.GetAsync("/api/monitoring/verifications?limit=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostVerify_QueuesAFullSync_WhichVerifies()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        await app.SyncAsync(SyncType.Full);
        using var client = app.CreateClient();

        var response = await client.PostAsync("/api/sync/verify", null, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("jobId").GetString();
        var verification = await Eventually.ReturnsAsync(async () =>
        {
            await using var db = await app.CreateDbAsync();
            var run = await db.SyncEvents.SingleOrDefaultAsync(e => e.JobId == jobId && e.Status == SyncStatus.Succeeded, Ct);
            return run is null ? null : await db.MirrorVerifications.SingleOrDefaultAsync(v => v.SyncEventId == run.Id, Ct);
        });
        Assert.Equal(VerificationOutcome.Exact, verification.Outcome);
    }

    [Fact]
    public async Task PostVerify_Answers409_WhenVerificationIsOff()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Verification:Enabled"] = "false" });
        await app.StartAsync();
        using var client = app.CreateClient();

        var response = await client.PostAsync("/api/sync/verify", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Verification:Enabled", await response.Content.ReadAsStringAsync(Ct));
    }
}
