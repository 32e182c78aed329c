using System.Globalization;
using SyncDashboard.Components.Charts;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Components.Widgets;

namespace SyncDashboard.Components.Pages;

/// <summary>The performance page's charts as ApexCharts options. Pure.</summary>
public static class PerformanceCharts
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>p50 and p95 per period; the degradation threshold as a dashed line and each degraded period as a
    /// red band, so a slowdown is flagged where it happened.</summary>
    public static ApexOptions Percentiles(PerformanceTrend trend)
    {
        var bucket = TimeSpan.FromHours(trend.Range.BucketHours);
        var bands = trend.DegradedPoints.Select(p => new ChartXAnnotation(
            Millis(p.Start), ChartPalette.Failure, new ChartAnnotationLabel("slow", Style: new ChartLabelStyle(ChartPalette.Failure, "#fff"), BorderColor: ChartPalette.Failure),
            X2: Millis(p.Start + bucket), FillColor: ChartPalette.Failure, Opacity: 0.15)).ToList();
        var threshold = trend.DegradedAboveMs is { } above
            ? new[] { new ChartYAnnotation(Math.Round(above), ChartPalette.Failure,
                new ChartAnnotationLabel($"degraded above {above:0} ms ({trend.DegradedFactor:0.#}× median)",
                    Style: new ChartLabelStyle(ChartPalette.Failure, "#fff")), StrokeDashArray: 4) }
            : [];
        List<ChartSeries> series =
        [
            new("p50", trend.Points.Select(p => ChartPoint.At(p.Start, ChartDefaults.Round(p.P50DurationMs))).ToList()),
            new("p95", trend.Points.Select(p => ChartPoint.At(p.Start, ChartDefaults.Round(p.P95DurationMs))).ToList()),
        ];
        List<string> colors = [ChartPalette.Primary, ChartPalette.Warning];
        return new ApexOptions(
            Chart: ChartDefaults.Settings("line"),
            Series: series,
            Xaxis: ChartDefaults.TimeAxis(),
            Yaxis: [new ChartYAxis(Title: new ChartTitle("duration (ms)"), Min: 0, DecimalsInFloat: 0)],
            Annotations: new ChartAnnotations(Xaxis: bands, Yaxis: threshold),
            Colors: colors,
            Stroke: new ChartStroke(Width: [2, 2], Curve: "straight"),
            Markers: ChartDefaults.LineMarkers(series, colors),
            DataLabels: new ChartToggle(Enabled: false),
            Legend: new ChartLegend(Show: true, Position: "top"),
            Tooltip: new ChartTooltip(Shared: true, Intersect: false, X: new ChartTooltipX("dd MMM HH:mm")),
            NoData: new ChartNoData("No successful runs in this window"));
    }

    /// <summary>How many runs fell in each duration bucket, from the first non-empty bucket to the last.</summary>
    public static ApexOptions Histogram(PerformanceTrend trend)
    {
        var first = trend.Histogram.ToList().FindIndex(b => b.Count > 0);
        var last = trend.Histogram.ToList().FindLastIndex(b => b.Count > 0);
        var shown = first < 0 ? [] : trend.Histogram.Skip(first).Take(last - first + 1).ToList();
        return new ApexOptions(
            Chart: ChartDefaults.Settings("bar"),
            Series: [new ChartSeries("Runs", shown.Select(b => new ChartPoint(BucketLabel(b), b.Count)).ToList())],
            Xaxis: new ChartXAxis(Type: "category", Title: new ChartTitle("duration")),
            Yaxis: [new ChartYAxis(Title: new ChartTitle("successful runs"), Min: 0, DecimalsInFloat: 0)],
            Colors: [ChartPalette.Primary],
            PlotOptions: new ChartPlotOptions(new ChartBarOptions(ColumnWidth: "90%")),
            DataLabels: new ChartToggle(Enabled: false),
            Legend: new ChartLegend(Show: false),
            NoData: new ChartNoData("No successful runs in this window"));
    }

    public static string BucketLabel(HistogramBar bar) => bar.ToMs switch
    {
        null => $"≥ {Ms(bar.FromMs)}",
        _ when bar.FromMs == 0 => $"< {Ms(bar.ToMs.Value)}",
        var to => $"{Ms(bar.FromMs)}–{Ms(to.Value)}",
    };

    public static string PercentilesSummary(PerformanceTrend trend)
    {
        var baseline = trend.BaselineMedianMs is { } median ? $"median {median:0} ms" : "no median";
        var degraded = trend.DegradedPoints.Count;
        return $"{DisplayFormat.Count(trend.Runs, "successful run")} in the last {trend.Range.Label}, {baseline}; " +
               (degraded == 0
                   ? "no period was slower than the degradation threshold."
                   : $"{degraded} period{(degraded == 1 ? " was" : "s were")} degraded (p95 above {trend.DegradedAboveMs:0} ms).");
    }

    public static string HistogramSummary(PerformanceTrend trend)
    {
        var top = trend.Histogram.MaxBy(b => b.Count);
        return top is null || top.Count == 0
            ? "No durations to show."
            : $"Most runs ({top.Count} of {trend.Runs}) took {BucketLabel(top)}.";
    }

    public static string BucketWords(PerformanceRange range) =>
        range.BucketHours == 1 ? "hour" : range.BucketHours == 24 ? "day" : $"{range.BucketHours} hours";

    private static string Ms(long ms) =>
        ms >= 1000 ? (ms / 1000.0).ToString("0.###", Culture) + " s" : ms.ToString(Culture) + " ms";

    private static long Millis(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
