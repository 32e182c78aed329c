using System.Threading.Channels;
using SyncDashboard.Monitoring;

namespace SyncDashboard.Components.Widgets;

/// <summary>A page's subscription to <see cref="MonitoringNotifier"/>: every change signals one reload, a burst of
/// changes during a reload coalesces into one more, and the committing sync is never blocked by a circuit. Start it
/// after the first render; dispose it with the component.</summary>
public sealed class LiveSubscription : IAsyncDisposable
{
    // Capacity one, drop-when-full: a change arriving mid-reload leaves one pending signal, so there is exactly one
    // more reload after the current one, however many commits happened meanwhile.
    private readonly Channel<bool> changes = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource stopping = new();
    private readonly MonitoringNotifier notifier;
    private readonly Task loop;

    private LiveSubscription(MonitoringNotifier notifier, Func<CancellationToken, Task> reload, Func<Exception, Task> fail)
    {
        this.notifier = notifier;
        notifier.Changed += OnChangedAsync;
        // A commit between the page's first load and this subscription would otherwise go unseen until the next one.
        changes.Writer.TryWrite(true);
        loop = RunAsync(reload, fail, stopping.Token);
    }

    /// <param name="reload">Reloads and re-renders, through the component's <c>InvokeAsync</c>.</param>
    /// <param name="fail">The component's <c>DispatchExceptionAsync</c>, for a reload that throws.</param>
    public static LiveSubscription Start(
        MonitoringNotifier notifier, Func<CancellationToken, Task> reload, Func<Exception, Task> fail) =>
        new(notifier, reload, fail);

    private Task OnChangedAsync()
    {
        changes.Writer.TryWrite(true);
        return Task.CompletedTask;
    }

    private async Task RunAsync(Func<CancellationToken, Task> reload, Func<Exception, Task> fail, CancellationToken ct)
    {
        try
        {
            await foreach (var _ in changes.Reader.ReadAllAsync(ct)) await reload(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception ex) { await fail(ex); }
    }

    public async ValueTask DisposeAsync()
    {
        notifier.Changed -= OnChangedAsync;
        await stopping.CancelAsync();
        changes.Writer.TryComplete();
        await loop;
        stopping.Dispose();
    }
}
