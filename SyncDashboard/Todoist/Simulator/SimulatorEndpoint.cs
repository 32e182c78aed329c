namespace SyncDashboard.Todoist.Simulator;

/// <summary>Where the simulator's own listener ended up (port 0 picks a free one), once it has started.</summary>
public sealed class SimulatorEndpoint
{
    private readonly TaskCompletionSource<Uri> started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri? Address => started.Task.IsCompletedSuccessfully ? started.Task.Result : null;

    public void SetStarted(Uri address) => started.TrySetResult(address);

    public Task<Uri> WhenStartedAsync(CancellationToken ct) => started.Task.WaitAsync(ct);
}
