using Bunit;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

public sealed class OverviewWidgetsFacts
{
    private static readonly DateTime Now = DashboardBunit.Now.UtcDateTime;

    private static readonly DashboardSummary NeverRan = new(
        new StateSummary("todoist", false, null, null, null, null, 0, true, false, null, false, false,
            new MirrorCounts(0, 0, 0, 0, 0, 0)),
        new DashboardHealthSummary(HealthStatus.Unknown, [], Now.AddSeconds(30), new UptimeSummary(null, null, null), null),
        new RecentPerformanceSummary(0, 0, 0, null, null),
        [],
        new VerificationStatus(null, null, null));

    [Fact]
    public async Task Alerts_SayNothingNeedsAttention_WhenThereAreNone()
    {
        await using var context = DashboardBunit.Create();

        var panel = context.Render<AlertsPanel>(p => p.Add(c => c.Alerts, []).Add(c => c.Now, DashboardBunit.Now));

        Assert.Contains("nothing needs attention", panel.Find("[data-testid=alerts-empty]").TextContent);
    }

    [Fact]
    public async Task Alerts_ShowCodeMessageAndSince()
    {
        await using var context = DashboardBunit.Create();
        HealthAlertRow[] alerts = [new("CONSECUTIVE_FAILURES", AlertSeverity.Critical, "3 syncs in a row failed", Now.AddMinutes(-5))];

        var panel = context.Render<AlertsPanel>(p => p.Add(c => c.Alerts, alerts).Add(c => c.Now, DashboardBunit.Now));

        var alert = panel.Find("[data-alert=CONSECUTIVE_FAILURES]").TextContent;
        Assert.Contains("3 syncs in a row failed", alert);
        Assert.Contains("5 min ago", alert);
    }

    [Fact]
    public async Task Kpis_TellWhatToDo_BeforeTheFirstSync()
    {
        await using var context = DashboardBunit.Create();

        var grid = RenderKpis(context, NeverRan, paused: false);

        Assert.Contains("never", Kpi(grid, "last-sync"));
        Assert.Contains("Press Sync now", Kpi(grid, "last-sync"));
        Assert.Contains("in 30 s", Kpi(grid, "next-sync"));
        Assert.Contains("—", Kpi(grid, "success-rate"));
        Assert.Contains("Nothing synced yet", Kpi(grid, "freshness"));
    }

    [Fact]
    public async Task Kpis_SayTheNextSyncIsPaused_WhilePaused()
    {
        await using var context = DashboardBunit.Create();

        var grid = RenderKpis(context, NeverRan, paused: true);

        Assert.Contains("paused", Kpi(grid, "next-sync"));
    }

    [Fact]
    public async Task Kpis_ShowRatesUptimeAndFreshness_AfterSyncs()
    {
        await using var context = DashboardBunit.Create();
        var synced = NeverRan with
        {
            Overview = NeverRan.Overview with { HasRun = true, LastSuccessfulSyncAt = Now.AddSeconds(-42) },
            Health = NeverRan.Health with { Uptime = new UptimeSummary(1, 0.5, 0.25) },
            Performance = new RecentPerformanceSummary(4, 3, 1, 0.75, 1234),
        };

        var grid = RenderKpis(context, synced, paused: false, activeErrors: 1);

        Assert.Contains("75%", Kpi(grid, "success-rate"));
        Assert.Contains("1.2 s", Kpi(grid, "mean-duration"));
        Assert.Contains("100% / 50% / 25%", Kpi(grid, "uptime"));
        Assert.Contains("42 s", Kpi(grid, "freshness"));
        Assert.Contains("1", Kpi(grid, "active-errors"));
    }

    private static IRenderedComponent<KpiGrid> RenderKpis(
        BunitContext context, DashboardSummary summary, bool paused, int activeErrors = 0) =>
        context.Render<KpiGrid>(p => p
            .Add(c => c.Summary, summary)
            .Add(c => c.ActiveErrors, activeErrors)
            .Add(c => c.IsPaused, paused)
            .Add(c => c.Now, DashboardBunit.Now));

    private static string Kpi(IRenderedComponent<KpiGrid> grid, string key) => grid.Find($"[data-kpi={key}]").TextContent;
}
