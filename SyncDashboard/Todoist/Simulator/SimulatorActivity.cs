using Microsoft.Extensions.Options;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>Keeps the demo account alive: a few random edits every <see cref="SimulatorOptions.ChangeIntervalSeconds"/>,
/// so incremental syncs have something to bring back. Off with a real Todoist token, or with an interval of 0 (tests
/// call <see cref="TodoistSimulator.ApplyRandomChanges"/> themselves).</summary>
public sealed class SimulatorActivity(
    TodoistSimulator simulator,
    IOptions<SimulatorOptions> options,
    IOptions<TodoistOptions> todoist,
    TimeProvider time,
    ILogger<SimulatorActivity> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!todoist.Value.IsDemoMode || settings.ChangeIntervalSeconds <= 0) return;

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.ChangeIntervalSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    simulator.ApplyRandomChanges(settings.ChangesPerTick);
                }
                catch (Exception ex)
                {
                    // A bug in the demo data must not take the dashboard down with it.
                    logger.LogError(ex, "The Todoist simulator failed to apply random changes");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
