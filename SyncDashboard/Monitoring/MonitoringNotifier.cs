namespace SyncDashboard.Monitoring;

/// <summary>Raised after every commit that changes what the dashboard shows. Components subscribe, reload through
/// their queries with <c>InvokeAsync</c>, and unsubscribe on dispose.</summary>
public sealed class MonitoringNotifier(ILogger<MonitoringNotifier> logger)
{
    public event Func<Task>? Changed;

    public async Task NotifyAsync()
    {
        if (Changed is not { } handlers) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
        {
            // One broken subscriber (a circuit going away) must not stop the others from hearing about the change.
            try { await handler(); }
            catch (Exception ex) { logger.LogDebug(ex, "A monitoring subscriber failed to handle a change"); }
        }
    }
}
