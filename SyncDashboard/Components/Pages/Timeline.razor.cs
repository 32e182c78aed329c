using Microsoft.AspNetCore.Components;
using MudBlazor;
using SyncDashboard.Components.Charts;
using SyncDashboard.Configuration;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Components.Pages;

/// <summary>Runs, durations and markers over a selectable window (<c>?range=6h|24h|7d|30d</c>), kept live.</summary>
public sealed partial class Timeline
{
    [Inject] private TimelineQueries Queries { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "range")] public string? RangeKey { get; set; }

    private TimelineView? view;
    private ApexOptions runsChart = default!;
    private ApexOptions durationsChart = default!;

    private TimelineRange Range => TimelineRange.Parse(RangeKey);

    private IEnumerable<TimelineAnnotation> NewestMarkersFirst =>
        view?.Annotations.AsEnumerable().Reverse() ?? [];

    // No relative times here, and a render re-serializes both charts' options: re-render on new data only.
    protected override bool TicksClock => false;

    // The range toggle navigates, so the URL is the state: a new ?range= loads that window.
    protected override string QueryKey => Range.Key;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var loaded = await Queries.ViewAsync(ServiceName.Todoist, Range, ct);
        (view, runsChart, durationsChart) = (loaded, TimelineCharts.Runs(loaded), TimelineCharts.Durations(loaded));
    }

    private void SelectRange(string key) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("range", key == TimelineRange.Default.Key ? null : key));

    private static Color MarkerColor(TimelineMarkerKind kind) => kind switch
    {
        TimelineMarkerKind.ManualAction => Color.Info,
        TimelineMarkerKind.ChainOpened => Color.Error,
        TimelineMarkerKind.Alert => Color.Warning,
        TimelineMarkerKind.Verification => Color.Primary,
        _ => Color.Success,
    };
}
