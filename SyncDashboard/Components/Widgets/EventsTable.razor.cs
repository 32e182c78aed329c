using Microsoft.AspNetCore.Components;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Components.Widgets;

/// <summary>The latest sync events, newest first. Takes rows and "now" as parameters, so it renders the same in a
/// page and in a bUnit test.</summary>
public sealed partial class EventsTable
{
    private const int ErrorPreviewLength = 80;

    [Parameter, EditorRequired] public IReadOnlyList<EventRow> Events { get; set; } = [];

    /// <summary>The moment relative times ("12 s ago") are measured from; the page ticks it.</summary>
    [Parameter, EditorRequired] public DateTimeOffset Now { get; set; }

    [Parameter] public string Title { get; set; } = "Latest syncs";

    /// <summary>Where the full list is, when this table shows only the latest rows.</summary>
    [Parameter] public string? MoreHref { get; set; }

    /// <summary>The browser's zone, cascaded by <see cref="Layout.BrowserTimeZone"/>.</summary>
    [CascadingParameter] private DisplayZone Zone { get; set; } = DisplayZone.NotYetKnown;

    private static string DurationText(EventRow e) =>
        e.Status == SyncStatus.Started && e.DurationMs is null ? "running…" : DisplayFormat.Duration(e.DurationMs);

    private static string ItemsText(EventRow e) =>
        $"{e.ItemsProcessed} (+{e.ItemsAdded} ~{e.ItemsUpdated} -{e.ItemsDeleted})";

    private static string ItemsTitle(EventRow e) =>
        $"{e.ItemsProcessed} processed: {e.ItemsAdded} added, {e.ItemsUpdated} updated, {e.ItemsDeleted} deleted";

    private static string? ErrorText(EventRow e) => (e.ErrorCode, e.ErrorMessage) switch
    {
        (null, null) => null,
        ({ } code, null) => code,
        (null, { } message) => message,
        ({ } code, { } message) => $"{code}: {message}",
    };
}
