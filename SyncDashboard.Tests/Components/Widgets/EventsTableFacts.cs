using Bunit;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

public sealed class EventsTableFacts
{
    private static readonly DateTime Started = DashboardBunit.Now.UtcDateTime.AddSeconds(-42);

    [Fact]
    public async Task Render_ShowsOneRowPerEvent_WithStatusAndErrorCode()
    {
        await using var context = DashboardBunit.Create();
        EventRow[] events =
        [
            Event(3, SyncStatus.Failed, errorCode: "HTTP_503", errorMessage: "Service unavailable"),
            Event(2, SyncStatus.Succeeded),
            Event(1, SyncStatus.Started),
        ];

        var table = Render(context, events);

        var ids = table.FindAll("[data-event-id]").Select(e => e.GetAttribute("data-event-id"));
        Assert.Equal(["3", "2", "1"], ids);
        var statuses = table.FindAll("[data-status]").Select(e => e.TextContent.Trim());
        Assert.Equal(["Failed", "Succeeded", "Started"], statuses);
        var error = table.Find(".event-error");
        Assert.Contains("HTTP_503", error.TextContent);
        Assert.Equal("HTTP_503: Service unavailable", error.GetAttribute("title"));
    }

    [Fact]
    public async Task Render_ShowsCountsDurationAndRelativeStart()
    {
        await using var context = DashboardBunit.Create();

        var table = Render(context, [Event(7, SyncStatus.Succeeded)]);

        var text = table.Find("tbody").TextContent;
        Assert.Contains("12 (+5 ~4 -3)", text);
        Assert.Contains("1.5 s", text);
        Assert.Contains("42 s ago", text);
        Assert.Equal(DisplayFormat.Utc(Started), table.Find("[data-event-id]").GetAttribute("title"));
    }

    [Fact]
    public async Task Render_ShowsEmptyState_WhenNoEvents()
    {
        await using var context = DashboardBunit.Create();

        var table = Render(context, []);

        Assert.Empty(table.FindAll("[data-event-id]"));
        Assert.Equal("No syncs yet. Press Sync now or wait for the schedule.",
            table.Find("[data-testid=events-empty]").TextContent.Trim());
    }

    private static IRenderedComponent<EventsTable> Render(BunitContext context, IReadOnlyList<EventRow> events) =>
        context.Render<EventsTable>(p => p
            .Add(t => t.Events, events)
            .Add(t => t.Now, DashboardBunit.Now));

    private static EventRow Event(long id, SyncStatus status, string? errorCode = null, string? errorMessage = null) =>
        new(id, SyncType.Incremental, SyncTrigger.Manual, status, Started,
            CompletedAt: status == SyncStatus.Started ? null : Started.AddMilliseconds(1500),
            DurationMs: status == SyncStatus.Started ? null : 1500,
            ItemsProcessed: 12, ItemsAdded: 5, ItemsUpdated: 4, ItemsDeleted: 3,
            errorCode, errorMessage, HttpStatus: null, Attempt: 1, ErrorChainId: null, JobId: null);
}
