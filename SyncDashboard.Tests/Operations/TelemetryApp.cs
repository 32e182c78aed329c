using System.Collections;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Operations;

/// <summary>The app with OpenTelemetry's in-memory exporters beside its own, so a test reads what would be exported.</summary>
internal sealed class TelemetryApp(IDictionary<string, string?>? overrides = null) : TestApp(overrides)
{
    public Locked<Activity> Spans { get; } = new();
    public Locked<MetricSnapshot> Metrics { get; } = new();

    /// <summary>The metrics as collected now (the in-memory exporter has no interval of its own).</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        Metrics.Clear();
        Get<MeterProvider>().ForceFlush();
        return Metrics.ToList();
    }

    public IReadOnlyList<Activity> CollectSpans()
    {
        Get<TracerProvider>().ForceFlush();
        return Spans.ToList();
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
    }
}

/// <summary>A list the exporters may add to from any thread while a test reads it.</summary>
internal sealed class Locked<T> : ICollection<T>
{
    private readonly List<T> items = [];
    private readonly Lock gate = new();

    public int Count { get { lock (gate) return items.Count; } }
    public bool IsReadOnly => false;
    public void Add(T item) { lock (gate) items.Add(item); }
    public void Clear() { lock (gate) items.Clear(); }
    public bool Contains(T item) { lock (gate) return items.Contains(item); }
    public void CopyTo(T[] array, int arrayIndex) { lock (gate) items.CopyTo(array, arrayIndex); }
    public bool Remove(T item) { lock (gate) return items.Remove(item); }
    public IEnumerator<T> GetEnumerator() { lock (gate) return items.ToList().GetEnumerator(); }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
