using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Api;

/// <summary>The read-model routes after one real sync against the simulator: the documented fields and a 400 per
/// parameter. One app for the class: every test only reads.</summary>
public sealed class ReadModelApiFacts(ReadModelApiFacts.SyncedApp app) : IClassFixture<ReadModelApiFacts.SyncedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class SyncedApp : TestApp, IAsyncLifetime
    {
        public async ValueTask InitializeAsync()
        {
            await StartAsync();
            await SyncAsync();
        }
    }

    [Fact]
    public async Task Health_ReturnsTheStatusAlertsAndNumbers_WithTheDocumentedFields()
    {
        using var http = app.CreateClient();

        var health = await http.GetFromJsonAsync<JsonElement>("/api/monitoring/health", Ct);

        AssertFields(health, "service", "status", "alerts", "checkedAt", "lastSuccessfulSyncAt", "consecutiveFailures",
            "dataAgeSeconds", "lastHourAttempts", "lastHourFailures", "lastHourErrorRate", "lastHourP95Ms",
            "sevenDayMedianMs", "slowdownFactor", "largestRecentDeletionShare", "expectedIntervalSeconds",
            "nextScheduledSyncAt", "uptime");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        AssertFields(health.GetProperty("uptime"), "last24Hours", "last7Days", "last30Days");
    }

    [Fact]
    public async Task Dashboard_ComposesOverviewHealthPerformanceAndRecentActivity()
    {
        using var http = app.CreateClient();

        var dashboard = await http.GetFromJsonAsync<JsonElement>("/api/monitoring/dashboard", Ct);

        AssertFields(dashboard, "overview", "health", "performance", "recentActivity");
        AssertFields(dashboard.GetProperty("overview"), "service", "hasRun", "lastSuccessfulSyncAt", "consecutiveFailures", "mirror");
        AssertFields(dashboard.GetProperty("health"), "status", "alerts", "nextScheduledSyncAt");
        var performance = dashboard.GetProperty("performance");
        AssertFields(performance, "attempts", "successes", "failures", "successRate", "meanDurationMs");
        Assert.Equal(1, performance.GetProperty("successRate").GetDouble());
        Assert.Single(dashboard.GetProperty("recentActivity").EnumerateArray());
    }

    [Fact]
    public async Task Metrics_ReturnsHourlyRows_WithTheDocumentedFields()
    {
        using var http = app.CreateClient();

        var rows = await http.GetFromJsonAsync<JsonElement[]>("/api/monitoring/metrics?period=hour&limit=5", Ct);

        var row = Assert.Single(rows!);
        AssertFields(row, "period", "periodStart", "successes", "failures", "itemsProcessed", "meanDurationMs",
            "minDurationMs", "maxDurationMs", "errorRate", "p50DurationMs", "p95DurationMs");
        Assert.Equal("Hourly", row.GetProperty("period").GetString());
        Assert.Equal(1, row.GetProperty("successes").GetInt32());
        Assert.Equal(0, row.GetProperty("errorRate").GetDouble());
    }

    [Fact]
    public async Task Timeline_ReturnsEveryHour_AndTheManualRun()
    {
        using var http = app.CreateClient();

        var timeline = await http.GetFromJsonAsync<JsonElement>("/api/monitoring/timeline?hours=6", Ct);

        AssertFields(timeline, "from", "to", "hours", "manualTriggers");
        Assert.Equal(6, timeline.GetProperty("hours").GetArrayLength());
        var last = timeline.GetProperty("hours").EnumerateArray().Last();
        AssertFields(last, "hour", "successes", "failures", "meanDurationMs", "maxDurationMs");
        Assert.Equal(1, last.GetProperty("successes").GetInt32());
        var marker = Assert.Single(timeline.GetProperty("manualTriggers").EnumerateArray());
        AssertFields(marker, "eventId", "startedAt", "type", "status");
    }

    [Fact]
    public async Task Performance_ReturnsOneEntryPerSyncType()
    {
        using var http = app.CreateClient();

        var summary = await http.GetFromJsonAsync<JsonElement>("/api/monitoring/performance?days=2", Ct);

        AssertFields(summary, "days", "from", "to", "byType");
        var types = summary.GetProperty("byType").EnumerateArray().ToList();
        Assert.Equal(["Full", "Incremental", "Webhook"], types.Select(t => t.GetProperty("type").GetString()));
        AssertFields(types[0], "count", "minDurationMs", "maxDurationMs", "meanDurationMs", "medianDurationMs",
            "p95DurationMs", "itemsPerSecond", "firstHalfMeanMs", "secondHalfMeanMs", "trend");
        // The first run has no sync token yet, so it ran as a full sync, whatever was asked.
        Assert.Equal(1, types.Sum(t => t.GetProperty("count").GetInt32()));
        Assert.Equal(JsonValueKind.Null, types[2].GetProperty("meanDurationMs").ValueKind);
    }

    [Fact]
    public async Task Freshness_ReturnsEachResourceType()
    {
        using var http = app.CreateClient();

        var rows = await http.GetFromJsonAsync<JsonElement[]>("/api/monitoring/freshness", Ct) ?? [];

        Assert.Equal(["items", "projects", "sections", "labels", "notes"], rows.Select(r => r.GetProperty("resource").GetString()));
        AssertFields(rows[0], "count", "lastChangedAt", "changeAgeSeconds", "lastSyncedAt", "syncAgeSeconds");
        Assert.True(rows[0].GetProperty("count").GetInt32() > 0);
        Assert.EndsWith("Z", rows[0].GetProperty("lastSyncedAt").GetString());
    }

    [Fact]
    public async Task Webhooks_ReturnsTheDocumentedFields_AndNoWebhookSyncsAfterAManualRun()
    {
        using var http = app.CreateClient();

        var report = await http.GetFromJsonAsync<JsonElement>("/api/monitoring/webhooks", Ct);

        AssertFields(report, "receiving", "last24Hours", "deliveries", "syncs", "missed");
        AssertFields(report.GetProperty("last24Hours"), "deliveries", "redeliveries", "medianLatencyMs", "maxLatencyMs",
            "rejected", "changesFound", "missedChanges", "lastDeliveryAt");
        AssertFields(report.GetProperty("last24Hours").GetProperty("rejected"), "missingSignature", "badSignature",
            "tooLarge", "malformed", "signatures", "total");
        Assert.Equal("DemoProcess", report.GetProperty("receiving").GetString());
        Assert.Equal(0, report.GetProperty("deliveries").GetArrayLength());
        Assert.Equal(0, report.GetProperty("syncs").GetArrayLength()); // the one run was manual
    }

    [Theory]
    [InlineData("metrics?period=month", "period")]
    [InlineData("metrics?limit=0", "limit")]
    [InlineData("metrics?limit=501", "limit")]
    [InlineData("metrics?limit=ten", "limit")]
    [InlineData("timeline?hours=0", "hours")]
    [InlineData("timeline?hours=721", "hours")]
    [InlineData("timeline?hours=ten", "hours")]
    [InlineData("timeline?hours=1.5", "hours")]
    [InlineData("timeline?hours=", "hours")]
    [InlineData("performance?days=0", "days")]
    [InlineData("performance?days=91", "days")]
    [InlineData("performance?days=seven", "days")]
    [InlineData("performance?days=-1", "days")]
    [InlineData("webhooks?limit=0", "limit")]
    [InlineData("webhooks?limit=201", "limit")]
    [InlineData("webhooks?limit=ten", "limit")]
    [InlineData("webhooks?limit=99999999999", "limit")]
    public async Task Routes_Return400NamingTheParameter_ForABadValue(string pathAndQuery, string parameter)
    {
        using var http = app.CreateClient();

        var response = await http.GetAsync($"/api/monitoring/{pathAndQuery}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    internal static void AssertFields(JsonElement element, params string[] fields)
    {
        foreach (var field in fields) Assert.True(element.TryGetProperty(field, out _), $"missing '{field}'");
    }
}
