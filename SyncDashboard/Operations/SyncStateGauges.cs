using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;

namespace SyncDashboard.Operations;

/// <summary>The sync's state as gauges an operator alerts on: the age of the last successful sync, consecutive
/// failures, the health verdict (0 unknown, 1 healthy, 2 degraded, 3 unhealthy), open failure chains and the mirror's
/// row counts. They are read from the database when an exporter collects (every <c>OTEL_METRIC_EXPORT_INTERVAL</c>,
/// or a Prometheus scrape); one read serves all gauges of a collection.</summary>
public sealed class SyncStateGauges : IDisposable
{
    /// <summary>Gauges of one collection are read together; a read this recent is reused.</summary>
    private static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(5);

    private readonly HealthQueries health;
    private readonly StateQueries state;
    private readonly IDbContextFactory<MonitoringDbContext> dbFactory;
    private readonly TimeProvider time;
    private readonly ILogger<SyncStateGauges> logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private (SyncStateSnapshot? Snapshot, long At)? last;

    public SyncStateGauges(SyncTelemetry telemetry, HealthQueries health, StateQueries state,
        IDbContextFactory<MonitoringDbContext> dbFactory, TimeProvider time, ILogger<SyncStateGauges> logger)
    {
        this.health = health;
        this.state = state;
        this.dbFactory = dbFactory;
        this.time = time;
        this.logger = logger;
        var meter = telemetry.Meter;
        meter.CreateObservableGauge("syncdashboard.sync.last_success.age", () => Measure(s => s.LastSuccessAgeSeconds),
            "s", "Seconds since the last successful sync (absent before the first)");
        meter.CreateObservableGauge("syncdashboard.sync.consecutive_failures", () => Measure(s => (double)s.ConsecutiveFailures),
            "{failure}", "Failed syncs since the last success");
        meter.CreateObservableGauge("syncdashboard.sync.health", () => Measure(s => (double)(int)s.Health),
            null, "The health verdict: 0 unknown, 1 healthy, 2 degraded, 3 unhealthy");
        meter.CreateObservableGauge("syncdashboard.sync.open_failure_chains", () => Measure(s => (double)s.OpenFailureChains),
            "{chain}", "Failure chains not resolved yet");
        meter.CreateObservableGauge("syncdashboard.mirror.rows", MirrorRows, "{row}", "Rows in the Todoist mirror, by resource");
    }

    /// <summary>The state now (or from a read of the last few seconds); null when the database cannot be read.</summary>
    public async Task<SyncStateSnapshot?> ReadAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (last is { } previous && time.GetElapsedTime(previous.At) < ReuseFor) return previous.Snapshot;
            SyncStateSnapshot? snapshot;
            try
            {
                snapshot = await QueryAsync(ct);
            }
            catch (Exception error) when (!ct.IsCancellationRequested)
            {
                logger.LogDebug(error, "The sync state could not be read from the database");
                snapshot = null;
            }
            last = (snapshot, time.GetTimestamp());
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Gauge callbacks are synchronous; they run on the exporter's thread or in a scrape's request.</summary>
    private SyncStateSnapshot? Read() => ReadAsync(CancellationToken.None).GetAwaiter().GetResult();

    private async Task<SyncStateSnapshot> QueryAsync(CancellationToken ct)
    {
        var verdict = await health.GetAsync(ServiceName.Todoist, ct);
        var summary = await state.GetAsync(ServiceName.Todoist, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.SyncErrors.CountAsync(c => c.Service == ServiceName.Todoist && c.ResolvedUtc == null, ct);
        var age = verdict.LastSuccessfulSyncAt is { } at ? (verdict.CheckedAt - at).TotalSeconds : (double?)null;
        return new SyncStateSnapshot(verdict.Status, age, verdict.ConsecutiveFailures, open, summary.Mirror);
    }

    private IEnumerable<Measurement<double>> Measure(Func<SyncStateSnapshot, double?> value) =>
        Read() is { } snapshot && value(snapshot) is { } measured ? [new Measurement<double>(measured)] : [];

    private IEnumerable<Measurement<long>> MirrorRows()
    {
        if (Read()?.Mirror is not { } mirror) return [];
        return
        [
            Row("items", mirror.Items),
            Row("completed_items", mirror.CompletedItems),
            Row("projects", mirror.Projects),
            Row("sections", mirror.Sections),
            Row("labels", mirror.Labels),
            Row("notes", mirror.Notes),
        ];
    }

    private static Measurement<long> Row(string resource, int count) => new(count, new KeyValuePair<string, object?>("resource", resource));

    public void Dispose() => gate.Dispose();
}
