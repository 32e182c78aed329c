using System.Threading.Channels;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SyncDashboard.Alerts;
using SyncDashboard.Health;
using SyncDashboard.Monitoring;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;

namespace SyncDashboard.Components.Pages;

/// <summary>The active alerts (from the health report) and the notifications sent about them, newest first; live
/// through the monitoring notifier, like the front page.</summary>
public sealed partial class Alerts : IAsyncDisposable
{
    private const int NotificationCount = 100;

    [Inject] private HealthQueries HealthQueries { get; set; } = default!;
    [Inject] private AlertQueries AlertQueries { get; set; } = default!;
    [Inject] private MonitoringNotifier Notifier { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private readonly CancellationTokenSource disposing = new();
    // One pending signal at most: a burst of commits during a reload makes exactly one more reload.
    private readonly Channel<bool> changes = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private Task initialLoad = Task.CompletedTask;
    private Task? reloadLoop;
    private ServiceHealth? health;
    private IReadOnlyList<NotificationRow> notifications = [];
    private AlertChannels channels = new(false, false);
    private DateTimeOffset now;
    private bool live;

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

    private async Task LoadAsync(CancellationToken ct)
    {
        var report = await HealthQueries.GetAsync(SyncEngine.Service, ct);
        var sent = await AlertQueries.RecentAsync(NotificationCount, ct);
        (health, notifications, channels, now) = (report, sent, AlertQueries.Channels, Time.GetUtcNow());
    }

    private static Color HealthColor(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => Color.Success,
        HealthStatus.Degraded => Color.Warning,
        HealthStatus.Unhealthy => Color.Error,
        _ => Color.Default,
    };

    private static Severity AlertSeverityOf(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => Severity.Error,
        AlertSeverity.Warning => Severity.Warning,
        _ => Severity.Info,
    };

    private static Color OutcomeColor(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Sent => Color.Success,
        DeliveryOutcome.Failed => Color.Error,
        _ => Color.Info,
    };

    private static string OutcomeText(NotificationRow row) => row switch
    {
        { Outcome: DeliveryOutcome.Failed, NextAttemptAt: not null } => "Failed, retrying",
        { Outcome: DeliveryOutcome.Failed } => "Failed",
        { Outcome: DeliveryOutcome.Sent } => "Sent",
        _ => "Pending",
    };

    private static string What(NotificationRow row) => row.Kind switch
    {
        NotificationKind.Recovered => $"Recovered: {row.PreviousStatus} → {row.Status}",
        NotificationKind.Reminder => $"Reminder: still {row.Status}",
        NotificationKind.CriticalAlert => $"New critical alert ({row.Status})",
        _ => $"{row.PreviousStatus} → {row.Status}",
    };

    public async ValueTask DisposeAsync()
    {
        Notifier.Changed -= OnMonitoringChangedAsync;
        await disposing.CancelAsync();
        changes.Writer.TryComplete();
        if (reloadLoop is not null) await reloadLoop;
        disposing.Dispose();
    }
}
