using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Configuration;
using SyncDashboard.Data;

namespace SyncDashboard.Benchmarks;

/// <summary>A generated history (see <see cref="HistoryGenerator"/>) as the percentile benchmark needs it: every timed
/// successful run by start, and each hour's rollup both ways: the duration sketch the app stores now, and the 14
/// power-of-two buckets it stored before (as the old code counted them, from the same runs). Read once per process.</summary>
public sealed class PercentileHistory
{
    private static readonly Lazy<PercentileHistory> Default = new(() => Load(QueryBenchmarkBase.HistoryPath,
        HistoryOptions.Default(QueryBenchmarkBase.HistoryEvents)));

    /// <summary>The query benchmarks' history (generated on first use, then reused), read once.</summary>
    public static PercentileHistory Shared => Default.Value;

    private PercentileHistory(DateTime[] starts, long[] durations, List<HourRow> hours, DateTime endUtc,
        List<int> dailySketchBytes, List<int> weeklySketchBytes)
    {
        Starts = starts;
        hourStarts = hours.Select(h => h.Start).ToArray();
        Durations = durations;
        Hours = hours;
        EndUtc = endUtc;
        DailySketchBytes = dailySketchBytes;
        WeeklySketchBytes = weeklySketchBytes;
    }

    private readonly DateTime[] hourStarts;

    /// <summary>Timed successful runs, ordered by start; <see cref="Durations"/> in the same order.</summary>
    public DateTime[] Starts { get; }
    public long[] Durations { get; }
    internal List<HourRow> Hours { get; }
    public DateTime EndUtc { get; }
    /// <summary>What the stored daily and weekly rows' sketches take (their encoding's length).</summary>
    public List<int> DailySketchBytes { get; }
    public List<int> WeeklySketchBytes { get; }

    /// <summary>One hourly rollup row both ways, with what each takes stored: the sketch's encoding, and the old
    /// column's JSON text as EF Core wrote it for SQLite (<c>[0,0,3,17,…]</c>).</summary>
    internal sealed record HourRow(DateTime Start, long? MinMs, long? MaxMs, DurationSketch Sketch, int[] Buckets)
    {
        public int SketchBytes => Sketch.Encode().Length;
        public int BucketBytes => JsonBuckets(Buckets).Length;
    }

    internal static string JsonBuckets(int[] buckets) => JsonSerializer.Serialize(buckets);

    public static PercentileHistory Load(string path, HistoryOptions options)
    {
        if (!HistoryGenerator.IsCompleteAsync(path, options.Events, CancellationToken.None).GetAwaiter().GetResult())
        {
            var result = HistoryGenerator.GenerateAsync(path, options, CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine($"// Generated {result.Events:N0} events in {result.Elapsed.TotalSeconds:N1} s to {path}");
        }
        using var db = HistoryGenerator.Open(path);
        var runs = db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == ServiceName.Todoist && e.Status == SyncStatus.Succeeded && e.DurationMs != null)
            .OrderBy(e => e.StartedUtc)
            .Select(e => new { e.StartedUtc, Ms = e.DurationMs!.Value })
            .ToList();
        var rows = db.SyncMetrics.AsNoTracking().Where(m => m.Service == ServiceName.Todoist).ToList();

        // What the old code's Add counted into each hour.
        var bucketsByHour = new Dictionary<DateTime, int[]>();
        foreach (var run in runs)
        {
            var hour = MetricArithmetic.HourOf(run.StartedUtc);
            if (!bucketsByHour.TryGetValue(hour, out var counts)) bucketsByHour[hour] = counts = DurationHistogram.Empty();
            counts[DurationHistogram.BucketOf(run.Ms)]++;
        }
        var hours = new List<HourRow>();
        foreach (var stored in rows.Where(r => r.Period == MetricPeriod.Hourly).OrderBy(r => r.PeriodStartUtc))
        {
            var buckets = bucketsByHour.GetValueOrDefault(stored.PeriodStartUtc) ?? DurationHistogram.Empty();
            if (buckets.Sum() != stored.DurationSketch.Count)
            {
                throw new InvalidOperationException($"The hour {stored.PeriodStartUtc:u} counts {stored.DurationSketch.Count} runs, its events {buckets.Sum()}.");
            }
            hours.Add(new HourRow(stored.PeriodStartUtc, stored.MinDurationMs, stored.MaxDurationMs, stored.DurationSketch, buckets));
        }
        return new PercentileHistory(runs.Select(r => r.StartedUtc).ToArray(), runs.Select(r => r.Ms).ToArray(), hours,
            options.EndUtc,
            rows.Where(r => r.Period == MetricPeriod.Daily).Select(r => r.DurationSketch.Encode().Length).ToList(),
            rows.Where(r => r.Period == MetricPeriod.Weekly).Select(r => r.DurationSketch.Encode().Length).ToList());
    }

    /// <summary>The hourly rows that start in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    internal List<HourRow> HoursBetween(DateTime from, DateTime to) =>
        Hours.GetRange(FirstAtOrAfter(hourStarts, from), FirstAtOrAfter(hourStarts, to) - FirstAtOrAfter(hourStarts, from));

    /// <summary>The exact nearest-rank <paramref name="p"/> quantile of the runs that started in [from, to); null for none.</summary>
    public long? Exact(DateTime from, DateTime to, double p)
    {
        var first = FirstAtOrAfter(Starts, from);
        var count = FirstAtOrAfter(Starts, to) - first;
        if (count == 0) return null;
        var slice = Durations.AsSpan(first, count).ToArray();
        Array.Sort(slice);
        return slice[Math.Clamp((int)Math.Ceiling(p * count) - 1, 0, count - 1)];
    }

    private static int FirstAtOrAfter(DateTime[] sorted, DateTime at)
    {
        var index = Array.BinarySearch(sorted, at);
        if (index < 0) return ~index;
        while (index > 0 && sorted[index - 1] == at) index--; // the first of equal starts
        return index;
    }
}
