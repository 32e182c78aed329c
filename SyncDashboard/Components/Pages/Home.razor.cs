using System.Threading.Channels;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SyncDashboard.Monitoring;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;
using SyncDashboard.Todoist;

namespace SyncDashboard.Components.Pages;

/// <summary>The dashboard's front page: state, latest events and "Sync now", kept live by the monitoring notifier.</summary>
public sealed partial class Home : IAsyncDisposable
{
    private const int EventCount = 25;

    [Inject] private EventQueries EventQueries { get; set; } = default!;
    [Inject] private StateQueries StateQueries { get; set; } = default!;
    [Inject] private MonitoringNotifier Notifier { get; set; } = default!;
    [Inject] private SyncCommands Commands { get; set; } = default!;
    [Inject] private TodoistTargetResolver Target { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ILogger<Home> Logger { get; set; } = default!;

    private readonly CancellationTokenSource disposing = new();

    // Capacity one and drop-when-full coalesces a burst: a change arriving mid-reload leaves one pending signal, so
    // there is exactly one more reload after the current one, however many commits happened meanwhile.
    private readonly Channel<bool> changes = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private Task initialLoad = Task.CompletedTask;
    private Task? reloadLoop;
    private Task? clockLoop;
    private IReadOnlyList<EventRow> events = [];
    private StateSummary? state;
    private DateTimeOffset now;
    private bool live;
    private bool requesting;

    private bool IsDemoMode => Target.IsDemoMode;

    // Disabled while prerendered: a click before the circuit is up would do nothing.
    private bool CanRequestSync => RendererInfo.IsInteractive && !requesting;

    protected override async Task OnInitializedAsync()
    {
        // Prerendering runs this once more for the circuit; two indexed queries are cheap enough for both passes.
        now = Time.GetUtcNow();
        initialLoad = LoadAsync(disposing.Token);
        await initialLoad;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // After the first render only: prerendering never gets here, so no subscription leaks from the static pass.
        if (!firstRender) return;
        Notifier.Changed += OnMonitoringChangedAsync;
        // A commit between the initial load and this subscription would otherwise go unseen until the next one.
        changes.Writer.TryWrite(true);
        reloadLoop = ReloadOnChangesAsync(disposing.Token);
        clockLoop = TickAsync(disposing.Token);
        live = true;
        StateHasChanged();
    }

    private Task OnMonitoringChangedAsync()
    {
        // Never block the committing sync on this circuit's reload: only signal it.
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

    /// <summary>Re-renders relative times ("12 s ago") even when nothing else changes.</summary>
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
        var latest = await EventQueries.LatestAsync(SyncEngine.Service, EventCount, ct);
        var summary = await StateQueries.GetAsync(SyncEngine.Service, ct);
        (events, state, now) = (latest, summary, Time.GetUtcNow());
    }

    private async Task SyncNowAsync()
    {
        requesting = true;
        try
        {
            var result = await Commands.RequestSyncAsync(SyncType.Incremental, disposing.Token);
            if (result.Accepted) Snackbar.Add($"Sync queued (job {result.JobId})", Severity.Success);
            else Snackbar.Add($"Sync refused: {result.RefusedBecause}", Severity.Warning);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed enqueue is worth a message, not a dead circuit.
            Logger.LogError(ex, "Sync now could not be requested");
            Snackbar.Add("Sync could not be requested; see the server log", Severity.Error);
        }
        finally
        {
            requesting = false;
        }
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
