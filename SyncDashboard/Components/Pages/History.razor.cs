using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Components.Pages;

/// <summary>Every event, filtered and keyset-paged: one page of rows at a time, never all of them and never OFFSET.
/// The filters and the page's cursor live in the URL, so a view can be shared and survives a reload.</summary>
public sealed partial class History
{
    public const int PageSize = 50;

    [Inject] private EventQueries Events { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "status")] public string? Status { get; set; }
    [SupplyParameterFromQuery(Name = "type")] public string? Type { get; set; }
    [SupplyParameterFromQuery(Name = "trigger")] public string? Trigger { get; set; }
    [SupplyParameterFromQuery(Name = "range")] public string? Range { get; set; }
    [SupplyParameterFromQuery(Name = "after")] public string? After { get; set; }

    private EventPage? page;
    private EventDetail? detail;

    /// <summary>The cursors of the newer pages this visitor came through, for "Newer" (a cursor only goes older).</summary>
    private readonly Stack<string?> previous = new();

    private string RangeKey => HistoryRange.Normalize(Range);

    private bool IsFiltered => Status is { Length: > 0 } || Type is { Length: > 0 } || Trigger is { Length: > 0 }
                               || RangeKey != HistoryRange.Default;

    private string EmptyText => IsFiltered
        ? "No event matches these filters. Widen the time range or clear the filters."
        : "No syncs in this range yet. Press Sync now on the Overview, or wait for the schedule.";

    // Filters and paging live in the URL: a change of any of them loads that view (LivePage compares this key).
    protected override string QueryKey => $"{Status}|{Type}|{Trigger}|{RangeKey}|{After}";

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var filter = new EventFilter(
            Parse<SyncStatus>(Status), Parse<SyncType>(Type), Parse<SyncTrigger>(Trigger),
            FromUtc: HistoryRange.Length(RangeKey) is { } length ? now - length : null);
        EventCursor.TryDecode(After, out var cursor);
        page = await Events.PageAsync(ServiceName.Todoist, filter, PageSize, cursor, ct);
    }

    private static T? Parse<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;

    private void Filter(string? status = null, string? type = null, string? trigger = null, string? range = null)
    {
        previous.Clear();
        Go(new Dictionary<string, object?>
        {
            ["status"] = Blank(status ?? Status),
            ["type"] = Blank(type ?? Type),
            ["trigger"] = Blank(trigger ?? Trigger),
            ["range"] = (range ?? RangeKey) == HistoryRange.Default ? null : range ?? RangeKey,
            ["after"] = null,
        });
    }

    private void ClearFilters()
    {
        previous.Clear();
        Go(new Dictionary<string, object?> { ["status"] = null, ["type"] = null, ["trigger"] = null, ["range"] = null, ["after"] = null });
    }

    private void ShowOlder()
    {
        if (page?.Next is not { } next) return;
        previous.Push(After);
        Go(new Dictionary<string, object?> { ["after"] = next.Encode() });
    }

    private void ShowNewer()
    {
        if (previous.Count == 0) return;
        Go(new Dictionary<string, object?> { ["after"] = previous.Pop() });
    }

    private void ShowNewest()
    {
        previous.Clear();
        Go(new Dictionary<string, object?> { ["after"] = null });
    }

    private void Go(IReadOnlyDictionary<string, object?> changes) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(changes));

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private async Task OpenAsync(long id) => detail = await Events.DetailAsync(ServiceName.Todoist, id, Disposing);

    /// <summary>The export of the range on screen (every status, type and trigger: the export has no filters).</summary>
    private string ExportHref(string format)
    {
        var to = Now.UtcDateTime;
        var from = to - (HistoryRange.Length(RangeKey) ?? HistoryRange.ExportCap);
        return $"api/monitoring/events.{format}?from={Iso(from)}&to={Iso(to.AddSeconds(1))}";
    }

    private static string Iso(DateTime utc) =>
        Uri.EscapeDataString(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
