using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncDashboard.Sync;

namespace SyncDashboard.Operations;

/// <summary>Ready needs this node's Hangfire server alive: it runs the scheduled syncs, retries and housekeeping. A
/// server announces itself with a heartbeat every 30 s (Hangfire's default); one missing for longer than
/// <see cref="MaxHeartbeatAge"/> has stopped or hangs.</summary>
public sealed class HangfireServerHealthCheck(JobStorage storage, TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan MaxHeartbeatAge = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        // Hangfire names a server "<ServerName>:<unique suffix>"; ServerName is this node (SyncSetup).
        var ours = storage.GetMonitoringApi().Servers()
            .Where(s => s.Name.StartsWith(RunIdentity.Node + ":", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Heartbeat)
            .Max();
        if (ours is not { } heartbeat)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"No Hangfire server of this node ({RunIdentity.Node}) has announced itself."));
        }
        var age = time.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(heartbeat, DateTimeKind.Utc);
        return Task.FromResult(age <= MaxHeartbeatAge
            ? HealthCheckResult.Healthy($"Heartbeat {Math.Max(0, age.TotalSeconds):0} s ago.")
            : HealthCheckResult.Unhealthy($"Last heartbeat {age.TotalSeconds:0} s ago."));
    }
}
