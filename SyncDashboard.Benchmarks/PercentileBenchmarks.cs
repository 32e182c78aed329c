using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using SyncDashboard.Data;

namespace SyncDashboard.Benchmarks;

/// <summary>The rollups' durations stored as the duration sketch against the 14 power-of-two buckets stored before
/// (the baseline), over the query benchmarks' year of history: the time to answer the performance page's 30 days from
/// the stored hourly rows (720 rows read from their stored form, merged per day and for the window, p50 and p95 of
/// each day and the window's median), and, in the extra columns, how far every percentile of the year is from the
/// exact one and what a row takes stored (<see cref="PercentileAccuracyReport"/>).</summary>
[Config(typeof(Config))]
public class PercentileBenchmarks
{
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithId("Rollups"));
            // Building the generated project took more than the default two minutes on a busy two-core machine.
            BuildTimeout = TimeSpan.FromMinutes(10);
            foreach (var kind in Enum.GetValues<PercentileAccuracyColumn.Kind>()) AddColumn(new PercentileAccuracyColumn(kind));
        }
    }

    private byte[][] sketches = [];
    private string[] histograms = [];

    [GlobalSetup]
    public void GlobalSetup()
    {
        var history = PercentileHistory.Shared;
        var last30Days = history.HoursBetween(MetricArithmetic.HourOf(history.EndUtc).AddHours(1).AddDays(-30), history.EndUtc.AddHours(1));
        sketches = last30Days.Select(h => h.Sketch.Encode()).ToArray();
        histograms = last30Days.Select(h => PercentileHistory.JsonBuckets(h.Buckets)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public double Histogram()
    {
        var hours = histograms.Select(json => System.Text.Json.JsonSerializer.Deserialize<int[]>(json)!).ToArray();
        var answer = 0.0;
        foreach (var day in hours.Chunk(24))
        {
            var sum = Sum(day);
            answer += Quantile(sum, 0.5) + Quantile(sum, 0.95);
        }
        return answer + Quantile(Sum(hours), 0.5);
    }

    [Benchmark]
    public double Sketch()
    {
        var hours = sketches.Select(DurationSketch.Decode).ToArray();
        var answer = 0.0;
        foreach (var day in hours.Chunk(24))
        {
            var merged = DurationSketch.Merge(day);
            answer += (merged.Quantile(0.5) ?? 0) + (merged.Quantile(0.95) ?? 0);
        }
        return answer + (DurationSketch.Merge(hours).Quantile(0.5) ?? 0);
    }

    private static int[] Sum(IEnumerable<int[]> histograms)
    {
        var sum = DurationHistogram.Empty();
        foreach (var histogram in histograms)
        {
            for (var i = 0; i < sum.Length; i++) sum[i] += histogram[i];
        }
        return sum;
    }

    /// <summary>The old estimate's work: find the bucket of the rank, interpolate inside it.</summary>
    private static double Quantile(int[] counts, double p)
    {
        var rank = p * counts.Sum();
        long below = 0;
        for (var bucket = 0; bucket < counts.Length; bucket++)
        {
            if (counts[bucket] > 0 && below + counts[bucket] >= rank)
            {
                double lower = DurationHistogram.LowerBoundMs(bucket);
                return lower + (rank - below) / counts[bucket] * (DurationHistogram.UpperBoundMs(bucket) - lower);
            }
            below += counts[bucket];
        }
        return 0;
    }
}
