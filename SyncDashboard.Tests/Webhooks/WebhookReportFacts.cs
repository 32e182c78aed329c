using System.Net.Http.Json;
using System.Text.Json;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Webhooks;

namespace SyncDashboard.Tests.Webhooks;

/// <summary><c>GET /api/monitoring/webhooks</c> and <see cref="WebhookQueries"/> after real deliveries and syncs.</summary>
public sealed class WebhookReportFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Report_ShowsDeliveriesBesideTheirSync_WithLatency_RejectionsAndMissedChanges()
    {
        await using var app = new WebhookTestApp(new Dictionary<string, string?> { ["Webhooks:DebounceSeconds"] = "0" });
        await app.StartAsync();
        await app.SyncAsync();
        using var http = app.CreateClient();
        // Changes nobody announces, found by a scheduled-like incremental sync: all missed.
        app.Simulator.ApplyRandomChanges(4);
        var unannounced = await app.SyncAsync(SyncType.Incremental, SyncTrigger.Schedule);
        // One announced delivery, covered by its webhook sync.
        var body = WebhookTestApp.Body("item:updated", "announced-1", DateTime.UtcNow);
        (await app.PostSignedAsync(http, body, "d-1")).EnsureSuccessStatusCode();
        await Eventually.ReturnsAsync(async () =>
            (await app.WebhookSyncsAsync()).FirstOrDefault(e => e.Status == SyncStatus.Succeeded));
        using var unsigned = WebhookTestApp.Request(body, null);
        await http.SendAsync(unsigned, Ct);

        var report = await http.GetFromJsonAsync<JsonElement>("/api/monitoring/webhooks?limit=10", Ct);

        var delivery = Assert.Single(report.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("d-1", delivery.GetProperty("deliveryId").GetString());
        Assert.Equal("Succeeded", delivery.GetProperty("syncStatus").GetString());
        Assert.True(delivery.GetProperty("latencyMs").GetInt64() >= 0);
        var sync = Assert.Single(report.GetProperty("syncs").EnumerateArray());
        Assert.Equal(delivery.GetProperty("syncEventId").GetInt64(), sync.GetProperty("event").GetProperty("id").GetInt64());
        Assert.Equal(1, sync.GetProperty("deliveries").GetInt32());
        var summary = report.GetProperty("last24Hours");
        Assert.Equal(1, summary.GetProperty("deliveries").GetInt32());
        Assert.Equal(1, summary.GetProperty("rejected").GetProperty("missingSignature").GetInt64());
        var missed = report.GetProperty("missed").EnumerateArray()
            .Single(m => m.GetProperty("eventId").GetInt64() == unannounced.EventId);
        Assert.True(missed.GetProperty("changes").GetInt32() > 0);
        Assert.Equal(0, missed.GetProperty("announced").GetInt32());
        Assert.Equal(missed.GetProperty("changes").GetInt32(), missed.GetProperty("missed").GetInt32());
        Assert.True(summary.GetProperty("missedChanges").GetInt32() >= missed.GetProperty("missed").GetInt32());
    }

    [Fact]
    public async Task Missed_CountsOnlyDeliveriesForObjectsTheMirrorHolds_NotFiltersOrReminders()
    {
        // A long debounce: the deliveries' own webhook sync stays armed while the test's incremental sync judges them.
        await using var app = new WebhookTestApp(new Dictionary<string, string?> { ["Webhooks:DebounceSeconds"] = "300" });
        await app.StartAsync();
        await app.SyncAsync();
        using var http = app.CreateClient();
        app.Simulator.ApplyRandomChanges(4);
        var at = DateTime.UtcNow;
        (string Event, string Id)[] announced =
            [("filter:added", "f-1"), ("filter:updated", "f-2"), ("filter:deleted", "f-3"), ("reminder:fired", "r-1"),
             ("item:updated", "i-1")];
        foreach (var (name, id) in announced)
        {
            (await app.PostSignedAsync(http, WebhookTestApp.Body(name, id, at))).EnsureSuccessStatusCode();
        }
        var sync = await app.SyncAsync(SyncType.Incremental, SyncTrigger.Schedule);

        var report = await app.Get<WebhookQueries>().GetAsync(ServiceName.Todoist, 10, Ct);

        Assert.Equal(5, (await app.DeliveriesAsync()).Count);
        var row = report.Missed.Single(m => m.EventId == sync.EventId);
        Assert.True(row.Changes > 1, $"the sync found {row.Changes} change(s)");
        Assert.Equal(1, row.Announced);
        Assert.Equal(row.Changes - 1, row.Missed);
    }
}
