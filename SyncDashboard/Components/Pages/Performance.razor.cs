using Microsoft.AspNetCore.Components;
using MudBlazor;
using SyncDashboard.Components.Charts;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Configuration;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Components.Pages;

/// <summary>How fast syncs run: percentiles over time (with degraded periods flagged), the duration histogram and
/// per-type statistics, over a selectable window (<c>?range=24h|7d|30d</c>), kept live.</summary>
public sealed partial class Performance
{
    [Inject] private PerformanceTrendQueries TrendQueries { get; set; } = default!;
    [Inject] private PerformanceQueries TypeQueries { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "range")] public string? RangeKey { get; set; }

    private PerformanceTrend? trend;
    private PerformanceSummary? byType;
    private ApexOptions percentilesChart = default!;
    private ApexOptions histogramChart = default!;

    private PerformanceRange Range => PerformanceRange.Parse(RangeKey);

    private IEnumerable<SyncTypePerformance> RanTypes => byType?.ByType.Where(t => t.Count > 0) ?? [];

    // No relative times here, and a render re-serializes both charts' options: re-render on new data only.
    protected override bool TicksClock => false;

    // The range toggle navigates, so the URL is the state: a new ?range= loads that window.
    protected override string QueryKey => Range.Key;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var range = Range;
        var loadedTrend = await TrendQueries.GetAsync(ServiceName.Todoist, range, ct);
        var loadedTypes = await TypeQueries.GetAsync(ServiceName.Todoist, range.Days, ct);
        (trend, byType, percentilesChart, histogramChart) = (loadedTrend, loadedTypes,
            PerformanceCharts.Percentiles(loadedTrend), PerformanceCharts.Histogram(loadedTrend));
    }

    private void SelectRange(string key) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("range", key == PerformanceRange.Default.Key ? null : key));

    private static string Ms(double? value) => DisplayFormat.Duration(value is null ? null : (long)Math.Round(value.Value));

    private static Color TrendColor(string? trend) => trend switch
    {
        PerformanceQueries.Degrading => Color.Error,
        PerformanceQueries.Improving => Color.Success,
        _ => Color.Default,
    };

    private static string TrendIcon(string? trend) => trend switch
    {
        PerformanceQueries.Degrading => Icons.Material.Filled.TrendingUp,
        PerformanceQueries.Improving => Icons.Material.Filled.TrendingDown,
        PerformanceQueries.Stable => Icons.Material.Filled.TrendingFlat,
        _ => Icons.Material.Filled.HorizontalRule,
    };
}
