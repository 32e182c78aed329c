using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using SyncDashboard.Access;
using SyncDashboard.Data;
using SyncDashboard.Operations;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Webhooks;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Operations;

/// <summary>Meters and trace sources are process-wide names: another test's app syncing at the same moment would
/// report into these exporters too. This collection runs alone.</summary>
[CollectionDefinition(nameof(TelemetryFacts), DisableParallelization = true)]
public sealed class TelemetryCollection;

[Collection(nameof(TelemetryFacts))]
public sealed class TelemetryFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sync_ExportsATrace_WithFetchApplyAndCommitSpans()
    {
        await using var app = new TelemetryApp();
        await app.StartAsync();

        var outcome = await app.SyncAsync(SyncType.Full, SyncTrigger.Manual);

        var spans = app.CollectSpans();
        var run = Assert.Single(spans, s => s.OperationName == "sync.run" && Equals(s.GetTagItem("sync.event_id"), outcome.EventId));
        Assert.Equal("full", run.GetTagItem("sync.type"));
        Assert.Equal("manual", run.GetTagItem("sync.trigger"));
        Assert.Equal("succeeded", run.GetTagItem("sync.outcome"));
        Assert.True(run.GetTagItem("sync.items") is int items && items > 0);
        var children = spans.Where(s => s.ParentSpanId == run.SpanId).Select(s => s.OperationName).ToList();
        Assert.Contains("sync.fetch", children);
        Assert.Contains("sync.apply", children);
        Assert.Contains("sync.commit", children);
        // The call to Todoist (here its simulator) is a span of its own under the fetch, without the token.
        var fetch = spans.Single(s => s.OperationName == "sync.fetch" && s.ParentSpanId == run.SpanId);
        var call = Assert.Single(spans, s => s.ParentSpanId == fetch.SpanId && s.Kind == ActivityKind.Client);
        var token = app.Get<Microsoft.Extensions.Options.IOptions<SimulatorOptions>>().Value.Token;
        Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), tag => tag.Value?.ToString()?.Contains(token) == true);
        Assert.Contains("/sync", call.GetTagItem("url.full")?.ToString());
    }

    [Fact]
    public async Task FailedSync_ExportsAnErrorSpan_AndCountsTheFailure()
    {
        await using var app = new TelemetryApp();
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };

        var outcome = await app.SyncAsync(SyncType.Incremental, SyncTrigger.Manual);

        var run = Assert.Single(app.CollectSpans(), s => s.OperationName == "sync.run" && Equals(s.GetTagItem("sync.event_id"), outcome.EventId));
        Assert.Equal(ActivityStatusCode.Error, run.Status);
        Assert.Equal("failed", run.GetTagItem("sync.outcome"));
        var runs = Points(app.CollectMetrics(), "syncdashboard.sync.runs");
        Assert.Contains(runs, p => Tag(p, "sync.outcome") == "failed" && p.GetSumLong() >= 1);
        Assert.Equal(1, Gauge(app.CollectMetrics(), "syncdashboard.sync.consecutive_failures"));
        Assert.Equal(1, Gauge(app.CollectMetrics(), "syncdashboard.sync.open_failure_chains"));
    }

    [Fact]
    public async Task Sync_ExportsRunCountsDurationsAndItems()
    {
        await using var app = new TelemetryApp();
        await app.StartAsync();

        await app.SyncAsync(SyncType.Full, SyncTrigger.Manual);
        var metrics = app.CollectMetrics();

        var runs = Points(metrics, "syncdashboard.sync.runs");
        Assert.Contains(runs, p => Tag(p, "sync.outcome") == "succeeded" && Tag(p, "sync.type") == "full"
                                   && Tag(p, "sync.trigger") == "manual" && p.GetSumLong() >= 1);
        Assert.Contains(Points(metrics, "syncdashboard.sync.duration"), p => p.GetHistogramCount() >= 1);
        Assert.Contains(Points(metrics, "syncdashboard.sync.items"), p => Tag(p, "change") == "added" && p.GetSumLong() > 0);
        // ASP.NET Core's, HttpClient's and the runtime's own meters are exported too.
        Assert.Contains(metrics, m => m.Name == "http.client.request.duration");
        Assert.Contains(metrics, m => m.Name.StartsWith("dotnet.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gauges_ReportTheStoredState()
    {
        await using var app = new TelemetryApp();
        await app.StartAsync();
        await app.SyncAsync(SyncType.Full, SyncTrigger.Manual);

        var metrics = app.CollectMetrics();

        await using var db = await app.CreateDbAsync();
        var open = await db.Items.CountAsync(i => !i.Checked, Ct);
        Assert.Equal(open, Points(metrics, "syncdashboard.mirror.rows").Single(p => Tag(p, "resource") == "items").GetGaugeLastValueLong());
        Assert.Equal(await db.Projects.CountAsync(Ct),
            Points(metrics, "syncdashboard.mirror.rows").Single(p => Tag(p, "resource") == "projects").GetGaugeLastValueLong());
        Assert.Equal(0, Gauge(metrics, "syncdashboard.sync.consecutive_failures"));
        Assert.Equal(0, Gauge(metrics, "syncdashboard.sync.open_failure_chains"));
        Assert.InRange(Gauge(metrics, "syncdashboard.sync.last_success.age"), 0, 3600);
        var verdict = await app.Get<SyncDashboard.Monitoring.Queries.HealthQueries>().GetAsync("todoist", Ct);
        Assert.Equal((int)verdict.Status, Gauge(metrics, "syncdashboard.sync.health"));
    }

    [Fact]
    public async Task WebhookDelivery_IsCounted_ByOutcome()
    {
        await using var app = new TelemetryApp();
        await app.StartAsync();
        using var http = app.CreateClient();
        var body = WebhookTestApp.Body();

        using (var first = WebhookTestApp.Request(body, app.Get<WebhookSecret>().Sign(body), "delivery-1"))
        using (var again = WebhookTestApp.Request(body, app.Get<WebhookSecret>().Sign(body), "delivery-1"))
        {
            Assert.True((await http.SendAsync(first, Ct)).IsSuccessStatusCode);
            Assert.True((await http.SendAsync(again, Ct)).IsSuccessStatusCode);
        }

        var webhooks = Points(app.CollectMetrics(), "syncdashboard.webhooks");
        Assert.Equal(1, webhooks.Single(p => Tag(p, "outcome") == "recorded").GetSumLong());
        Assert.Equal(1, webhooks.Single(p => Tag(p, "outcome") == "duplicate").GetSumLong());
    }

    [Fact]
    public async Task AlertNotification_IsCounted_ByChannelAndOutcome()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = new TelemetryApp(new Dictionary<string, string?>
        {
            ["Alerts:Webhook:Url"] = new Uri(receiver.Address, "/hook").ToString(),
        });
        await app.StartAsync();
        long id;
        await using (var db = await app.CreateDbAsync())
        {
            var notification = new AlertNotification
            {
                Service = "todoist",
                Channel = AlertChannel.Webhook,
                Kind = NotificationKind.StatusChanged,
                ToStatus = HealthStatus.Unhealthy,
                Subject = "Todoist sync is unhealthy",
                CreatedUtc = DateTime.UtcNow,
            };
            db.AlertNotifications.Add(notification);
            await db.SaveChangesAsync(Ct);
            id = notification.Id;
        }

        await app.Get<SyncDashboard.Alerts.AlertDelivery>().DeliverAsync(id, Ct);

        var sent = Points(app.CollectMetrics(), "syncdashboard.notifications")
            .Single(p => Tag(p, "channel") == "webhook" && Tag(p, "outcome") == "sent");
        Assert.Equal(1, sent.GetSumLong());
    }

    [Fact]
    public async Task HttpRequest_ExportsAServerSpan()
    {
        await using var app = new TelemetryApp();
        await app.StartAsync();
        using var client = app.CreateClient();

        await client.GetAsync("/api/monitoring/state", Ct);

        // The server's span ends a moment after the client has its response.
        var span = await Eventually.ReturnsAsync(() => Task.FromResult(app.CollectSpans().FirstOrDefault(
            s => s.Kind == ActivityKind.Server && s.GetTagItem("http.route")?.ToString() == "/api/monitoring/state")));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task Prometheus_ServesTheMetrics_WhenEnabled()
    {
        await using var app = new TelemetryApp(new Dictionary<string, string?> { ["Telemetry:Prometheus"] = "true" });
        await app.StartAsync();
        await app.SyncAsync(SyncType.Full, SyncTrigger.Manual);
        using var client = app.CreateClient();

        var response = await client.GetAsync(OperationsSetup.PrometheusPath, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("syncdashboard_sync_runs", text);
        Assert.Contains("syncdashboard_mirror_rows", text);
        Assert.Contains("syncdashboard_sync_last_success_age_seconds", text);
        // Duration buckets in seconds, not the SDK's millisecond defaults.
        Assert.Matches(@"syncdashboard_sync_duration_seconds_bucket\{[^}]*le=""0.5""\}", text);
    }

    [Fact]
    public async Task Prometheus_IsProtectedLikeTheApi()
    {
        var settings = SignInHelper.UserSettings();
        settings["Telemetry:Prometheus"] = "true";
        await using var app = new TestApp(settings) { EnvironmentName = "Production" };
        await app.StartAsync();
        using var anonymous = SignInHelper.Client(app);
        using var viewer = await SignInHelper.SignedInAsync(app, SignInHelper.ViewerName, SignInHelper.ViewerPassword);

        var refused = await anonymous.GetAsync(OperationsSetup.PrometheusPath, Ct);
        var served = await viewer.GetAsync(OperationsSetup.PrometheusPath, Ct);

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("# TYPE", await served.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Prometheus_AcceptsAViewersApiKey_AndRefusesAWrongOne()
    {
        var key = ApiKeys.NewKey();
        var settings = SignInHelper.UserSettings();
        settings["Telemetry:Prometheus"] = "true";
        settings["Access:ApiKeys:0:Name"] = "prometheus";
        settings["Access:ApiKeys:0:Hash"] = ApiKeys.HashOf(key);
        settings["Access:ApiKeys:0:Role"] = "Viewer";
        await using var app = new TestApp(settings) { EnvironmentName = "Production" };
        await app.StartAsync();
        using var scraper = SignInHelper.Client(app);
        scraper.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using var wrong = SignInHelper.Client(app);
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKeys.NewKey());

        var served = await scraper.GetAsync(OperationsSetup.PrometheusPath, Ct);
        var refused = await wrong.GetAsync(OperationsSetup.PrometheusPath, Ct);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("# TYPE", await served.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Prometheus_IsNotServed_ByDefault()
    {
        await using var app = new TelemetryApp();
        await app.StartAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync(OperationsSetup.PrometheusPath, Ct);

        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync(Ct));
    }

    private static List<MetricPoint> Points(IReadOnlyList<MetricSnapshot> metrics, string name) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints).ToList();

    private static double Gauge(IReadOnlyList<MetricSnapshot> metrics, string name) =>
        Points(metrics, name).Select(p => p.GetGaugeLastValueDouble()).Last();

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key) return tag.Value?.ToString();
        }
        return null;
    }
}
