using Microsoft.AspNetCore.Components;
using MudBlazor;
using SyncDashboard.Components.Charts;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Monitoring;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;

namespace SyncDashboard.Components.Pages;

/// <summary>How fast syncs run: percentiles over time (with degraded periods flagged), the duration histogram and
/// per-type statistics, over a selectable window (<c>?range=24h|7d|30d</c>), kept live.</summary>
public sealed partial class Performance : IAsyncDisposable
{
    [Inject] private PerformanceTrendQueries TrendQueries { get; set; } = default!;
    [Inject] private PerformanceQueries TypeQueries { get; set; } = default!;
    [Inject] private MonitoringNotifier Notifier { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "range")] public string? RangeKey { get; set; }

    private readonly CancellationTokenSource disposing = new();
    private LiveSubscription? subscription;
    private PerformanceTrend? trend;
    private PerformanceSummary? byType;
    private ApexOptions percentilesChart = default!;
    private ApexOptions histogramChart = default!;
    private bool live;

    private PerformanceRange Range => PerformanceRange.Parse(RangeKey);

    private TimeZoneInfo Zone => Time.LocalTimeZone;

    private IEnumerable<SyncTypePerformance> RanTypes => byType?.ByType.Where(t => t.Count > 0) ?? [];

    protected override async Task OnParametersSetAsync() => await LoadAsync(disposing.Token);

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        subscription = LiveSubscription.Start(Notifier,
            ct => InvokeAsync(async () =>
            {
                await LoadAsync(ct);
                StateHasChanged();
            }),
            DispatchExceptionAsync);
        live = true;
        StateHasChanged();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var range = Range;
        var loadedTrend = await TrendQueries.GetAsync(SyncEngine.Service, range, ct);
        var loadedTypes = await TypeQueries.GetAsync(SyncEngine.Service, range.Days, ct);
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

    public async ValueTask DisposeAsync()
    {
        await disposing.CancelAsync();
        if (subscription is not null) await subscription.DisposeAsync();
        disposing.Dispose();
    }
}
