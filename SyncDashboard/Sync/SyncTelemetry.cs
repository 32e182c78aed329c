using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using SyncDashboard.Monitoring;
using SyncDashboard.Sync.Mirror;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Sync;

/// <summary>Counters for runs, on the <c>SyncDashboard.Sync</c> meter (dotnet-counters, OpenTelemetry).</summary>
public sealed class SyncTelemetry
{
    public SyncTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create("SyncDashboard.Sync");
        Succeeded = meter.CreateCounter<long>("syncdashboard.sync.succeeded");
        Failed = meter.CreateCounter<long>("syncdashboard.sync.failed");
        Skipped = meter.CreateCounter<long>("syncdashboard.sync.skipped", description: "Runs skipped because another held the lease");
        Paused = meter.CreateCounter<long>("syncdashboard.sync.paused", description: "Runs not started because syncing is paused");
    }

    public Counter<long> Succeeded { get; }
    public Counter<long> Failed { get; }
    public Counter<long> Skipped { get; }
    public Counter<long> Paused { get; }
}
