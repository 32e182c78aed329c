namespace SyncDashboard.Live;

/// <summary>Raised after every commit that changes what the dashboard shows. Components subscribe, reload through
/// their queries with <c>InvokeAsync</c>, and unsubscribe on dispose.</summary>
public sealed class MonitoringNotifier(ILogger<MonitoringNotifier> logger)
{
    public event Func<Task>? Changed;

    /// <summary>Runs before the subscribers hear of a commit announced by this process, so the watermark poller can
    /// note what was announced before any page reloads.</summary>
    internal Func<Task>? BeforeAnnouncedChange { get; set; }

    /// <summary>Tells other nodes of a commit announced by this process (on PostgreSQL, <see cref="CommitChannel"/>).</summary>
    internal Func<Task>? AfterAnnouncedChange { get; set; }

    /// <summary>Announces a commit this process made.</summary>
    public async Task NotifyAsync()
    {
        if (BeforeAnnouncedChange is { } before)
        {
            try { await before(); }
            catch (Exception ex) { logger.LogDebug(ex, "Noting an announced change failed"); }
        }
        if (AfterAnnouncedChange is { } after)
        {
            try { await after(); }
            catch (Exception ex) { logger.LogDebug(ex, "Telling other nodes of a change failed"); }
        }
        await RaiseAsync();
    }

    /// <summary>Tells the subscribers of a commit made elsewhere (another node's worker), found by the watermark poller.</summary>
    internal Task NotifyOtherWriterAsync() => RaiseAsync();

    private async Task RaiseAsync()
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
