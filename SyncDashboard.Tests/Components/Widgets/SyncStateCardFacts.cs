using Bunit;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

public sealed class SyncStateCardFacts
{
    private static readonly StateSummary Fresh = new(
        "todoist", HasRun: false, LastSuccessfulSyncAt: null, LastFailedSyncAt: null, LastFullSyncAt: null,
        LastIncrementalSyncAt: null, ConsecutiveFailures: 0, IsHealthy: true, IsPaused: false, RateLimitedUntil: null,
        IsSyncing: false, HasSyncToken: false, new MirrorCounts(0, 0, 0, 0, 0, 0));

    [Fact]
    public async Task Render_ShowsNeverSynced_WhenStateHasNotRun()
    {
        await using var context = DashboardBunit.Create();

        var card = Render(context, Fresh);

        Assert.Equal("Never synced", card.Find("[data-testid=health]").TextContent.Trim());
        Assert.Contains("never", card.Find("[data-testid=last-success]").TextContent);
    }

    [Fact]
    public async Task Render_ShowsMirrorCounts()
    {
        await using var context = DashboardBunit.Create();
        var synced = Fresh with { HasRun = true, Mirror = new MirrorCounts(400, 25, 8, 12, 6, 31) };

        var card = Render(context, synced);

        var counts = card.FindAll("[data-mirror]")
            .ToDictionary(c => c.GetAttribute("data-mirror")!, c => c.TextContent.Trim());
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Tasks"] = "400", ["Completed"] = "25", ["Projects"] = "8", ["Sections"] = "12", ["Labels"] = "6",
                ["Comments"] = "31",
            },
            counts);
    }

    [Fact]
    public async Task Render_ShowsUnhealthyAndFailures_WhenSyncsKeepFailing()
    {
        await using var context = DashboardBunit.Create();
        var failing = Fresh with
        {
            HasRun = true, IsHealthy = false, ConsecutiveFailures = 3,
            LastSuccessfulSyncAt = DashboardBunit.Now.UtcDateTime.AddMinutes(-5),
        };

        var card = Render(context, failing);

        Assert.Equal("Unhealthy", card.Find("[data-testid=health]").TextContent.Trim());
        Assert.Contains("3", card.Find("[data-testid=failures]").TextContent);
        Assert.Contains("5 min ago", card.Find("[data-testid=last-success]").TextContent);
    }

    [Fact]
    public async Task Render_ShowsSyncingIndicator_WhenLeaseIsHeld()
    {
        await using var context = DashboardBunit.Create();

        var card = Render(context, Fresh with { IsSyncing = true });

        Assert.Contains("Syncing now", card.Find("[data-testid=activity]").TextContent);
    }

    private static IRenderedComponent<SyncStateCard> Render(BunitContext context, StateSummary state) =>
        context.Render<SyncStateCard>(p => p
            .Add(c => c.State, state)
            .Add(c => c.Now, DashboardBunit.Now));
}
