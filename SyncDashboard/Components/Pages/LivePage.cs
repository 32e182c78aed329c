using System.Threading.Channels;
using Microsoft.AspNetCore.Components;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Live;

namespace SyncDashboard.Components.Pages;

/// <summary>A page kept live: it loads through its queries, reloads after every "monitoring changed" and ticks
/// <see cref="Now"/> once a second so relative times move. Subscribes after the first render (prerendering never
/// gets there, so the static pass leaks nothing) and lets go on dispose, with the circuit. The one way pages stay
/// live: a page that needs less opts out (<see cref="TicksClock"/>), it does not bring its own subscription.</summary>
public abstract class LivePage : ComponentBase, IAsyncDisposable
{
    [Inject] private MonitoringNotifier Notifier { get; set; } = default!;
    [Inject] protected TimeProvider Time { get; set; } = default!;

    /// <summary>The zone times read in: the browser's once the layout has read it, labelled UTC before (prerendering).
    /// Cascaded from <see cref="Layout.BrowserTimeZone"/>, so a page re-renders when it arrives.</summary>
    [CascadingParameter] protected DisplayZone Zone { get; set; } = DisplayZone.NotYetKnown;

    private readonly CancellationTokenSource disposing = new();

    // Capacity one and drop-when-full coalesces a burst: a change arriving mid-reload leaves one pending signal, so
    // there is exactly one more reload after the current one, however many commits happened meanwhile.
    private readonly Channel<bool> changes = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private Task initialLoad = Task.CompletedTask;
    private string? loadedKey;
    // Kept so the loops are owned, not fire-and-forget; see DisposeAsync for why nothing waits on them.
    private Task? reloadLoop;
    private Task? clockLoop;

    /// <summary>The moment relative times are measured from.</summary>
    protected DateTimeOffset Now { get; private set; }

    /// <summary>True once the page listens for changes; pages put it in <c>data-live</c> so browser tests know.</summary>
    protected bool IsLive { get; private set; }

    /// <summary>Cancelled when the page goes away.</summary>
    protected CancellationToken Disposing => disposing.Token;

    /// <summary>Actions are offered only once the circuit is up: a click on the prerendered page would do nothing.</summary>
    protected bool IsInteractive => RendererInfo.IsInteractive;

    /// <summary>False for a page with no relative times (charts, absolute times): it then re-renders only when the
    /// data changes, not every second.</summary>
    protected virtual bool TicksClock => true;

    /// <summary>What the URL selects (filters, range, cursor) for a page whose query string decides what it shows;
    /// when it changes the page loads again. Null for a page that shows the same thing at any URL.</summary>
    protected virtual string? QueryKey => null;

    /// <summary>Reads everything the page shows. Runs on the renderer's context, one at a time.</summary>
    protected abstract Task LoadAsync(CancellationToken ct);

    protected override async Task OnInitializedAsync()
    {
        // Prerendering runs this once more for the circuit; keep every page's load to a few indexed queries.
        Now = Time.GetUtcNow();
        loadedKey = QueryKey;
        initialLoad = LoadAsync(disposing.Token);
        await initialLoad;
    }

    protected override async Task OnParametersSetAsync()
    {
        // The first load is OnInitializedAsync's; a later navigation to the same page with another query loads here.
        var key = QueryKey;
        if (key == loadedKey) return;
        loadedKey = key;
        await LoadAsync(disposing.Token);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        Notifier.Changed += OnMonitoringChangedAsync;
        // A commit between the initial load and this subscription would otherwise go unseen until the next one.
        changes.Writer.TryWrite(true);
        reloadLoop = ReloadOnChangesAsync(disposing.Token);
        if (TicksClock) clockLoop = TickAsync(disposing.Token);
        IsLive = true;
        StateHasChanged();
    }

    /// <summary>Asks for a reload, coalesced with any already pending (after an action of the page's own).</summary>
    protected void RequestReload() => changes.Writer.TryWrite(true);

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
                    Now = Time.GetUtcNow();
                    StateHasChanged();
                });
            }
        }
        // Gone with the page: work that raced the disposal has nothing left to render.
        catch (Exception) when (ct.IsCancellationRequested) { }
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
                    Now = Time.GetUtcNow();
                    StateHasChanged();
                });
            }
        }
        // Gone with the page: work that raced the disposal has nothing left to render.
        catch (Exception) when (ct.IsCancellationRequested) { }
        catch (Exception ex) { await DispatchExceptionAsync(ex); }
    }

    /// <summary>Stops listening and cancels both loops. It does not wait for them: disposal runs on the renderer's
    /// dispatcher, where one of their renders may be queued, so waiting could wait for itself. Each loop sees the
    /// cancellation and ends on its own.</summary>
    public virtual ValueTask DisposeAsync()
    {
        Notifier.Changed -= OnMonitoringChangedAsync;
        disposing.Cancel();
        changes.Writer.TryComplete();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
