using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Operations;

/// <summary>In demo mode the app syncs from its own Todoist simulator: ready needs it listening.</summary>
public sealed class SimulatorHealthCheck(TodoistTargetResolver targets, SimulatorEndpoint simulator) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(!targets.IsDemoMode ? HealthCheckResult.Healthy("Not in demo mode: Todoist itself is synced.")
            : simulator.Address is { } address ? HealthCheckResult.Healthy($"Listening on {address}.")
            : HealthCheckResult.Unhealthy("Demo mode, and the simulator is not listening."));
}
