using System.Globalization;
using SyncDashboard.Data;

namespace SyncDashboard.Benchmarks;

/// <summary>How far one way of storing durations in the hourly rollups takes the dashboard's percentiles from the
/// exact ones: p50, p95 and p99 of every hour, six hours, day and week of a history and of its 30-day windows (one
/// ending at each week's end), each merged from the hourly rows as the pages merge them and kept within the period's
/// shortest and longest run as they keep them, against the exact nearest-rank percentile over the raw runs; and what
/// the rows take stored.</summary>
public sealed record PercentileAccuracyReport(
    string Representation,
    int Comparisons,
    double WorstError,
    string WorstCase,
    double MeanError,
    IReadOnlyDictionary<string, double> WorstByPeriod,
    double BytesPerHourlyRow,
    double BytesPerDailyRow,
    double BytesPerWeeklyRow)
{
    public const string Sketch = "sketch";
    public const string Histogram = "histogram";
    public static readonly double[] Quantiles = [0.5, 0.95, 0.99];

    private static readonly Dictionary<(PercentileHistory, string), PercentileAccuracyReport> Cache = [];

    /// <summary>The report for <paramref name="representation"/> (<see cref="Sketch"/> or <see cref="Histogram"/>) over
    /// <paramref name="history"/>, computed once per process.</summary>
    public static PercentileAccuracyReport Of(PercentileHistory history, string representation)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((history, representation), out var report))
            {
                Cache[(history, representation)] = report = Measure(history, representation);
            }
            return report;
        }
    }

    private static PercentileAccuracyReport Measure(PercentileHistory history, string representation)
    {
        var sketch = representation == Sketch;
        var first = history.Hours[0].Start;
        var end = MetricArithmetic.HourOf(history.EndUtc).AddHours(1);
        var periods = new List<(string Kind, DateTime From, DateTime To)>();
        for (var h = first; h < end; h = h.AddHours(1)) periods.Add(("hour", h, h.AddHours(1)));
        for (var h = MetricArithmetic.DayOf(first); h < end; h = h.AddHours(6)) periods.Add(("6 h", h, h.AddHours(6)));
        for (var d = MetricArithmetic.DayOf(first); d < end; d = d.AddDays(1)) periods.Add(("day", d, d.AddDays(1)));
        for (var w = MetricArithmetic.WeekOf(first); w < end; w = w.AddDays(7)) periods.Add(("week", w, w.AddDays(7)));
        for (var to = end; to.AddDays(-30) >= first; to = to.AddDays(-7)) periods.Add(("30 d", to.AddDays(-30), to));

        var worst = new Dictionary<string, double>();
        var (comparisons, sum, worstError, worstCase) = (0, 0.0, 0.0, "");
        foreach (var (kind, from, to) in periods)
        {
            var hours = history.HoursBetween(from, to);
            var (shortest, longest) = (hours.Min(h => h.MinMs), hours.Max(h => h.MaxMs));
            var merged = sketch ? DurationSketch.Merge(hours.Select(h => h.Sketch)) : null;
            var buckets = sketch ? null : Sum(hours.Select(h => h.Buckets));
            foreach (var p in Quantiles)
            {
                if (history.Exact(from, to, p) is not { } exact) continue;
                var estimate = Within(sketch ? merged!.Quantile(p) : LegacyQuantile(buckets!, p), shortest, longest)!.Value;
                var error = exact == 0 ? (estimate == 0 ? 0 : 1) : Math.Abs(estimate - exact) / exact;
                comparisons++;
                sum += error;
                worst[kind] = Math.Max(worst.GetValueOrDefault(kind), error);
                if (error > worstError)
                {
                    (worstError, worstCase) = (error, string.Create(CultureInfo.InvariantCulture,
                        $"p{p * 100} of the {kind} from {from:yyyy-MM-dd HH:mm}: {estimate:0} ms, exact {exact} ms"));
                }
            }
        }
        return new PercentileAccuracyReport(representation, comparisons, worstError, worstCase, sum / comparisons, worst,
            history.Hours.Average(h => sketch ? h.SketchBytes : h.BucketBytes),
            sketch ? history.DailySketchBytes.Average() : MergedBucketBytes(history, MetricArithmetic.DayOf),
            sketch ? history.WeeklySketchBytes.Average() : MergedBucketBytes(history, MetricArithmetic.WeekOf));
    }

    /// <summary>The old columns of the daily or weekly rows: their hours' buckets added, as JSON.</summary>
    private static double MergedBucketBytes(PercentileHistory history, Func<DateTime, DateTime> periodOf) =>
        history.Hours.GroupBy(h => periodOf(h.Start))
            .Average(g => PercentileHistory.JsonBuckets(Sum(g.Select(h => h.Buckets))).Length);

    private static int[] Sum(IEnumerable<int[]> histograms)
    {
        var sum = DurationHistogram.Empty();
        foreach (var histogram in histograms)
        {
            for (var i = 0; i < sum.Length; i++) sum[i] += histogram[i];
        }
        return sum;
    }

    private static double? Within(double? value, long? shortest, long? longest) =>
        value is not { } v ? null : Math.Min(Math.Max(v, shortest ?? v), longest ?? v);

    /// <summary>The estimate the app made before the sketch, kept here as the baseline: the quantile interpolated
    /// linearly inside the power-of-two bucket that holds it; the open-ended last bucket's lower bound.</summary>
    private static double? LegacyQuantile(int[] counts, double p)
    {
        long total = counts.Sum();
        if (total == 0) return null;
        var rank = p * total;
        long below = 0;
        var last = Array.FindLastIndex(counts, c => c > 0);
        for (var bucket = 0; bucket <= last; bucket++)
        {
            var count = counts[bucket];
            if (count == 0) continue;
            if (below + count >= rank || bucket == last)
            {
                double lower = DurationHistogram.LowerBoundMs(bucket);
                if (bucket == DurationHistogram.BucketCount - 1) return lower;
                double upper = DurationHistogram.UpperBoundMs(bucket);
                return lower + Math.Clamp((rank - below) / count, 0, 1) * (upper - lower);
            }
            below += count;
        }
        return null;
    }
}
