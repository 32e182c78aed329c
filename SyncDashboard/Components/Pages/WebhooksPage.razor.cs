using System.Threading.Channels;
using Microsoft.AspNetCore.Components;
using SyncDashboard.Monitoring;
using SyncDashboard.Sync;
using SyncDashboard.Webhooks;

namespace SyncDashboard.Components.Pages;

/// <summary>Todoist webhooks: deliveries beside the syncs they caused, latency, rejected signatures and missed
/// deliveries, kept live by the monitoring notifier like the front page.</summary>
public sealed partial class WebhooksPage : IAsyncDisposable
{
    private const int DeliveryCount = 50;

    [Inject] private WebhookQueries Queries { get; set; } = default!;
    [Inject] private MonitoringNotifier Notifier { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private readonly CancellationTokenSource disposing = new();
    private readonly Channel<bool> changes = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private Task initialLoad = Task.CompletedTask;
    private Task? reloadLoop;
    private Task? clockLoop;
    private WebhookReport? report;
    private DateTimeOffset now;
    private bool live;

    private string CallbackUrl => Navigation.ToAbsoluteUri(WebhookEndpoint.Path).ToString();

    protected override async Task OnInitializedAsync()
    {
        now = Time.GetUtcNow();
        initialLoad = LoadAsync(disposing.Token);
        await initialLoad;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        Notifier.Changed += OnMonitoringChangedAsync;
        changes.Writer.TryWrite(true);
        reloadLoop = ReloadOnChangesAsync(disposing.Token);
        clockLoop = TickAsync(disposing.Token);
        live = true;
        StateHasChanged();
    }

    private Task OnMonitoringChangedAsync()
    {
        changes.Writer.TryWrite(true);
        return Task.CompletedTask;
    }

    private async Task ReloadOnChangesAsync(CancellationToken ct)
    {
        try
        {
            await initialLoad;
            await foreach (var _ in changes.Reader.ReadAllAsync(ct))
            {
                await InvokeAsync(async () =>
                {
                    await LoadAsync(ct);
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception ex) { await DispatchExceptionAsync(ex); }
    }

    private async Task TickAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await InvokeAsync(() =>
                {
                    if (ct.IsCancellationRequested) return;
                    now = Time.GetUtcNow();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception ex) { await DispatchExceptionAsync(ex); }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var loaded = await Queries.GetAsync(SyncEngine.Service, DeliveryCount, ct);
        (report, now) = (loaded, Time.GetUtcNow());
    }

    public async ValueTask DisposeAsync()
    {
        Notifier.Changed -= OnMonitoringChangedAsync;
        await disposing.CancelAsync();
        changes.Writer.TryComplete();
        if (reloadLoop is not null) await reloadLoop;
        if (clockLoop is not null) await clockLoop;
        disposing.Dispose();
    }
}
