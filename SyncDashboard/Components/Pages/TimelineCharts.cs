using System.Globalization;
using SyncDashboard.Components.Charts;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Components.Pages;

/// <summary>The timeline's two charts as ApexCharts options, from a <see cref="TimelineView"/>. Pure: the page binds
/// to the results and tests read them.</summary>
public static class TimelineCharts
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>Successes and failures per bucket as stacked bars, with the markers as vertical lines.</summary>
    public static ApexOptions Runs(TimelineView view) => new(
        Chart: ChartDefaults.Settings("bar", stacked: true),
        Series:
        [
            new ChartSeries("Succeeded", view.Buckets.Select(b => ChartPoint.At(b.Start, b.Successes)).ToList()),
            new ChartSeries("Failed", view.Buckets.Select(b => ChartPoint.At(b.Start, b.Failures)).ToList()),
        ],
        Xaxis: ChartDefaults.TimeAxis(),
        Yaxis: [new ChartYAxis(Title: new ChartTitle($"runs per {BucketWords(view.Range)}"), Min: 0, DecimalsInFloat: 0)],
        Annotations: new ChartAnnotations(Xaxis: view.Annotations.Select(Marker).ToList()),
        Colors: [ChartPalette.Success, ChartPalette.Failure],
        PlotOptions: new ChartPlotOptions(new ChartBarOptions(ColumnWidth: "80%")),
        DataLabels: new ChartToggle(Enabled: false),
        Legend: new ChartLegend(Show: true, Position: "top"),
        Tooltip: new ChartTooltip(Shared: true, Intersect: false, X: new ChartTooltipX("dd MMM HH:mm")),
        NoData: new ChartNoData("No runs in this window"));

    /// <summary>Mean and p95 duration of successful runs per bucket; a bucket without one is a gap.</summary>
    public static ApexOptions Durations(TimelineView view) => new(
        Chart: ChartDefaults.Settings("line"),
        Series:
        [
            new ChartSeries("Mean", view.Buckets.Select(b => ChartPoint.At(b.Start, ChartDefaults.Round(b.MeanDurationMs))).ToList()),
            new ChartSeries("p95", view.Buckets.Select(b => ChartPoint.At(b.Start, ChartDefaults.Round(b.P95DurationMs))).ToList()),
        ],
        Xaxis: ChartDefaults.TimeAxis(),
        Yaxis: [new ChartYAxis(Title: new ChartTitle("duration (ms)"), Min: 0, DecimalsInFloat: 0)],
        Colors: [ChartPalette.Primary, ChartPalette.Warning],
        Stroke: new ChartStroke(Width: [2, 2], Curve: "straight", DashArray: [0, 4]),
        Markers: new ChartMarkers(Size: view.Buckets.Count <= 48 ? 3 : 0),
        DataLabels: new ChartToggle(Enabled: false),
        Legend: new ChartLegend(Show: true, Position: "top"),
        Tooltip: new ChartTooltip(Shared: true, Intersect: false, X: new ChartTooltipX("dd MMM HH:mm")),
        NoData: new ChartNoData("No successful runs in this window"));

    public static string BucketWords(TimelineRange range) =>
        range.BucketHours == 1 ? "hour" : $"{range.BucketHours} hours";

    /// <summary>The runs chart in one sentence, for its caption and screen readers.</summary>
    public static string RunsSummary(TimelineView view)
    {
        var busiest = view.Buckets.MaxBy(b => b.Failures);
        var failures = view.Failures == 0 || busiest is null
            ? "no failures"
            : $"{view.Failures} failed (most in the {BucketWords(view.Range)} from {busiest.Start.ToString("dd MMM HH:mm 'UTC'", Culture)}: {busiest.Failures})";
        return $"{view.Successes} successful runs and {failures} in the last {view.Range.Label}; " +
               $"{view.AnnotationTotal} marker{(view.AnnotationTotal == 1 ? "" : "s")}.";
    }

    public static string DurationsSummary(TimelineView view)
    {
        var p95s = view.Buckets.Where(b => b.P95DurationMs is not null).Select(b => b.P95DurationMs!.Value).ToList();
        return p95s.Count == 0
            ? "No successful run had a duration in this window."
            : $"p95 duration per {BucketWords(view.Range)} ranged from {p95s.Min():0} ms to {p95s.Max():0} ms.";
    }

    public static string MarkerColor(TimelineMarkerKind kind) => kind switch
    {
        TimelineMarkerKind.ManualAction => ChartPalette.Info,
        TimelineMarkerKind.ChainOpened => ChartPalette.Failure,
        TimelineMarkerKind.Alert => ChartPalette.Warning,
        _ => ChartPalette.Success,
    };

    private static ChartXAnnotation Marker(TimelineAnnotation a) => new(
        ChartPoint.At(a.AtUtc, null).X is long x ? x : 0,
        MarkerColor(a.Kind),
        new ChartAnnotationLabel(a.Label, Orientation: "vertical",
            Style: new ChartLabelStyle(Background: MarkerColor(a.Kind), Color: "#fff"), BorderColor: MarkerColor(a.Kind)),
        StrokeDashArray: a.Kind == TimelineMarkerKind.ManualAction ? 0 : 3);
}
