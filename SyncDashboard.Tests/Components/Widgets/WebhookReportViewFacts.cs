using Bunit;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist;
using SyncDashboard.Webhooks;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

public sealed class WebhookReportViewFacts
{
    private const string CallbackUrl = "https://sync.example.com/webhooks/todoist";
    private static readonly DateTime Now = DashboardBunit.Now.UtcDateTime;

    private static readonly WebhookSummary NoActivity = new(0, 0, null, null, new WebhookRejectionSummary(0, 0, 0, 0), 0, 0, null);

    [Fact]
    public async Task Empty_SaysHowToGetDeliveries_WithTheCallbackUrlAndClientSecret_WhenATokenIsConfigured()
    {
        await using var context = DashboardBunit.Create();

        var view = Render(context, new WebhookReport(WebhookSecretSource.ClientSecret, NoActivity, [], [], []));

        var empty = view.Find("[data-testid=webhooks-empty]");
        Assert.Contains("No webhook deliveries yet", empty.TextContent);
        Assert.Contains(CallbackUrl, empty.TextContent);
        Assert.Contains("Todoist:ClientSecret", empty.TextContent);
        Assert.Contains("App Management console", empty.TextContent);
        Assert.Empty(view.FindAll("[data-testid=deliveries-table]"));
        Assert.Empty(view.FindAll("[data-testid=webhooks-off]"));
        Assert.NotNull(view.Find("[data-testid=webhook-syncs-empty]"));
        Assert.NotNull(view.Find("[data-testid=missed-empty]"));
        Assert.Equal("0", view.Find("[data-testid=summary-deliveries] h5").TextContent.Trim());
    }

    [Fact]
    public async Task Empty_InDemoMode_PointsAtTheSimulator()
    {
        await using var context = DashboardBunit.Create();

        var view = Render(context, new WebhookReport(WebhookSecretSource.DemoProcess, NoActivity, [], [], []));

        Assert.Contains("simulator posts one delivery per change", view.Find("[data-testid=webhooks-empty]").TextContent);
        Assert.Contains(CallbackUrl, view.Find("[data-testid=webhooks-demo]").TextContent);
    }

    [Fact]
    public async Task Off_SaysWhyAndWhatToSet()
    {
        await using var context = DashboardBunit.Create();

        var view = Render(context, new WebhookReport(WebhookSecretSource.None, NoActivity, [], [], []));

        var off = view.Find("[data-testid=webhooks-off]");
        Assert.Contains("Todoist:ClientSecret", off.TextContent);
        Assert.Contains("503", off.TextContent);
    }

    [Fact]
    public async Task Filled_ShowsDeliveriesBesideTheirSync_LatencyRejectionsAndMissed()
    {
        await using var context = DashboardBunit.Create();
        var sync = new EventRow(41, SyncType.Webhook, SyncTrigger.Webhook, SyncStatus.Succeeded, Now.AddSeconds(-20),
            Now.AddSeconds(-19), 900, 3, 1, 2, 0, null, null, null, 1, null, "7");
        WebhookDeliveryRow[] deliveries =
        [
            new(2, "d-2", "item:completed", "2671355", "task-b", Now.AddSeconds(-31), Now.AddSeconds(-30), 1, 41, SyncStatus.Succeeded, 11_000),
            new(1, "d-1", "note:added", "2671355", "note-a", Now.AddSeconds(-33), Now.AddSeconds(-32), 0, null, null, null),
        ];
        var summary = new WebhookSummary(2, 1, 11_000, 11_000, new WebhookRejectionSummary(3, 4, 1, 2), 9, 2, Now.AddSeconds(-30));
        MissedDeliveryRow[] missed =
        [
            new(40, SyncType.Incremental, SyncTrigger.Schedule, Now.AddSeconds(-60), 5, 3, 2),
            new(39, SyncType.Incremental, SyncTrigger.Schedule, Now.AddSeconds(-90), 4, 4, 0),
        ];

        var view = Render(context, new WebhookReport(WebhookSecretSource.ClientSecret, summary, deliveries,
            [new WebhookSyncRow(sync, 1, 11_000)], missed));

        Assert.Empty(view.FindAll("[data-testid=webhooks-empty]"));
        Assert.Equal(["d-2", "d-1"], view.FindAll("[data-delivery-id]").Select(e => e.GetAttribute("data-delivery-id")));
        var covered = view.Find("[data-sync-of=d-2]");
        Assert.Contains("#41", covered.TextContent);
        Assert.Contains("Succeeded", covered.TextContent);
        Assert.Contains("waiting", view.Find("[data-sync-of=d-1]").TextContent);
        Assert.Contains("11.0 s", view.Find("[data-testid=deliveries-table]").TextContent);
        Assert.Contains("1×", view.Find("[data-testid=deliveries-table]").TextContent);
        Assert.Equal("7", view.Find("[data-testid=summary-rejected] h5").TextContent.Trim());
        Assert.Contains("3 unsigned · 4 wrong · 3 other refused", view.Find("[data-testid=summary-rejected]").TextContent);
        Assert.Equal("2", view.Find("[data-testid=summary-missed] h5").TextContent.Trim());
        Assert.Equal(["40"], view.FindAll("[data-missed-sync-id]").Select(e => e.GetAttribute("data-missed-sync-id")));
        Assert.Equal(["41"], view.FindAll("[data-webhook-sync-id]").Select(e => e.GetAttribute("data-webhook-sync-id")));
    }

    private static IRenderedComponent<WebhookReportView> Render(BunitContext context, WebhookReport report) =>
        context.Render<WebhookReportView>(p => p
            .Add(v => v.Report, report)
            .Add(v => v.Now, DashboardBunit.Now)
            .Add(v => v.CallbackUrl, CallbackUrl));
}
