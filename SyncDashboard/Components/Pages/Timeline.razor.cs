using Microsoft.AspNetCore.Components;
using MudBlazor;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Components.Charts;
using SyncDashboard.Monitoring;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;

namespace SyncDashboard.Components.Pages;

/// <summary>Runs, durations and markers over a selectable window (<c>?range=6h|24h|7d|30d</c>), kept live.</summary>
public sealed partial class Timeline : IAsyncDisposable
{
    [Inject] private TimelineQueries Queries { get; set; } = default!;
    [Inject] private MonitoringNotifier Notifier { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "range")] public string? RangeKey { get; set; }

    private readonly CancellationTokenSource disposing = new();
    private LiveSubscription? subscription;
    private TimelineView? view;
    private ApexOptions runsChart = default!;
    private ApexOptions durationsChart = default!;
    private bool live;

    private TimelineRange Range => TimelineRange.Parse(RangeKey);

    private TimeZoneInfo Zone => Time.LocalTimeZone;

    private IEnumerable<TimelineAnnotation> NewestMarkersFirst =>
        view?.Annotations.AsEnumerable().Reverse() ?? [];

    // Runs on the first load and whenever ?range= changes (the toggle navigates, so the URL is the state).
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
        var loaded = await Queries.ViewAsync(SyncEngine.Service, Range, ct);
        (view, runsChart, durationsChart) = (loaded, TimelineCharts.Runs(loaded), TimelineCharts.Durations(loaded));
    }

    private void SelectRange(string key) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("range", key == TimelineRange.Default.Key ? null : key));

    private static Color MarkerColor(TimelineMarkerKind kind) => kind switch
    {
        TimelineMarkerKind.ManualAction => Color.Info,
        TimelineMarkerKind.ChainOpened => Color.Error,
        _ => Color.Success,
    };

    public async ValueTask DisposeAsync()
    {
        await disposing.CancelAsync();
        if (subscription is not null) await subscription.DisposeAsync();
        disposing.Dispose();
    }
}
