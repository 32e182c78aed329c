using System.Diagnostics;
using System.Diagnostics.Metrics;
using SyncDashboard.Data;
using SyncDashboard.Sync.Mirror;

namespace SyncDashboard.Sync;

/// <summary>The sync's meter and trace source, <c>SyncDashboard.Sync</c> (OpenTelemetry, dotnet-counters). Every
/// run is counted once in <see cref="Runs"/> with its type, trigger and outcome (retries and webhook syncs are its
/// <c>retry</c> and <c>webhook</c> triggers); the older per-outcome counters stay for dashboards built on them.</summary>
public sealed class SyncTelemetry
{
    public const string Name = "SyncDashboard.Sync";

    /// <summary>A trace per run, with spans for fetch, apply and commit. Static, as OpenTelemetry advises: a source
    /// is only a name that listeners subscribe to.</summary>
    public static readonly ActivitySource Source = new(Name);

    public SyncTelemetry(IMeterFactory meters)
    {
        Meter = meters.Create(Name);
        Succeeded = Meter.CreateCounter<long>("syncdashboard.sync.succeeded");
        Failed = Meter.CreateCounter<long>("syncdashboard.sync.failed");
        Skipped = Meter.CreateCounter<long>("syncdashboard.sync.skipped", description: "Runs skipped because another held the lease");
        Paused = Meter.CreateCounter<long>("syncdashboard.sync.paused", description: "Runs not started because syncing is paused");
        Runs = Meter.CreateCounter<long>("syncdashboard.sync.runs", "{run}", "Sync runs by type, trigger and outcome");
        // Buckets for seconds (the SDK's default ones are meant for milliseconds): an incremental sync takes well
        // under a second, a big account's full sync minutes.
        Duration = Meter.CreateHistogram("syncdashboard.sync.duration", "s", "How long a sync attempt took", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300] });
        Items = Meter.CreateCounter<long>("syncdashboard.sync.items", "{item}", "Mirror rows a sync added, updated or deleted");
        Webhooks = Meter.CreateCounter<long>("syncdashboard.webhooks", "{delivery}", "Todoist webhook deliveries by outcome");
        Notifications = Meter.CreateCounter<long>("syncdashboard.notifications", "{notification}", "Alert notifications by channel and outcome");
    }

    /// <summary>The meter itself, for the operational gauges that read the stored state.</summary>
    public Meter Meter { get; }

    public Counter<long> Succeeded { get; }
    public Counter<long> Failed { get; }
    public Counter<long> Skipped { get; }
    public Counter<long> Paused { get; }
    public Counter<long> Runs { get; }
    public Histogram<double> Duration { get; }
    public Counter<long> Items { get; }
    public Counter<long> Webhooks { get; }
    public Counter<long> Notifications { get; }

    public void RecordRun(SyncType type, SyncTrigger trigger, string outcome, TimeSpan? duration = null)
    {
        var tags = RunTags(type, trigger, outcome);
        Runs.Add(1, tags);
        if (duration is { } elapsed) Duration.Record(elapsed.TotalSeconds, tags);
    }

    public void RecordChanges(SyncType type, MirrorChanges changes)
    {
        var kind = new KeyValuePair<string, object?>("sync.type", Tag(type));
        Items.Add(changes.Added, kind, new("change", "added"));
        Items.Add(changes.Updated, kind, new("change", "updated"));
        Items.Add(changes.Deleted, kind, new("change", "deleted"));
    }

    public static TagList RunTags(SyncType type, SyncTrigger trigger, string outcome) => new()
    {
        { "sync.type", Tag(type) },
        { "sync.trigger", Tag(trigger) },
        { "sync.outcome", outcome },
    };

    public static string Tag<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
