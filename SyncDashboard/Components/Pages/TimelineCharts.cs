using System.Globalization;
using SyncDashboard.Components.Charts;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Components.Widgets;

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
        Xaxis: WindowAxis(view),
        Yaxis: [RunsAxis(view)],
        Annotations: new ChartAnnotations(Xaxis: Markers(view)),
        Colors: [ChartPalette.Success, ChartPalette.Failure],
        PlotOptions: new ChartPlotOptions(new ChartBarOptions(ColumnWidth: "80%")),
        DataLabels: new ChartToggle(Enabled: false),
        Legend: new ChartLegend(Show: true, Position: "top"),
        Tooltip: new ChartTooltip(Shared: true, Intersect: false, X: new ChartTooltipX("dd MMM HH:mm")),
        NoData: new ChartNoData("No runs in this window"));

    /// <summary>Mean and p95 duration of successful runs per bucket; a bucket without one is a gap.</summary>
    public static ApexOptions Durations(TimelineView view)
    {
        List<ChartSeries> series =
        [
            new("Mean", view.Buckets.Select(b => ChartPoint.At(b.Start, ChartDefaults.Round(b.MeanDurationMs))).ToList()),
            new("p95", view.Buckets.Select(b => ChartPoint.At(b.Start, ChartDefaults.Round(b.P95DurationMs))).ToList()),
        ];
        List<string> colors = [ChartPalette.Primary, ChartPalette.Warning];
        return new ApexOptions(
            Chart: ChartDefaults.Settings("line"),
            Series: series,
            Xaxis: WindowAxis(view),
            Yaxis: [new ChartYAxis(Title: new ChartTitle("duration (ms)"), Min: 0, DecimalsInFloat: 0)],
            Colors: colors,
            Stroke: new ChartStroke(Width: [2, 2], Curve: "straight", DashArray: [0, 4]),
            Markers: ChartDefaults.LineMarkers(series, colors),
            DataLabels: new ChartToggle(Enabled: false),
            Legend: new ChartLegend(Show: true, Position: "top"),
            Tooltip: new ChartTooltip(Shared: true, Intersect: false, X: new ChartTooltipX("dd MMM HH:mm")),
            NoData: new ChartNoData("No successful runs in this window"));
    }

    /// <summary>The window's time axis, the same for both charts so that bars and dots line up: from half a bucket
    /// before the first bucket (its bar is centred on its start) to the window's end. Left to itself the axis would
    /// end at the newest bucket's start, and ApexCharts leaves out annotations beyond the axis: a marker in the newest
    /// bucket, the fault injected a minute ago, was not drawn.</summary>
    public static ChartXAxis WindowAxis(TimelineView view)
    {
        var halfBucket = TimeSpan.FromHours(view.Range.BucketHours) / 2;
        return ChartDefaults.TimeAxis() with { Min = Millis(view.From - halfBucket), Max = Millis(view.To) };
    }

    public static string BucketWords(TimelineRange range) =>
        range.BucketHours == 1 ? "hour" : $"{range.BucketHours} hours";

    /// <summary>The runs chart in one sentence, for its caption and screen readers.</summary>
    public static string RunsSummary(TimelineView view)
    {
        var busiest = view.Buckets.MaxBy(b => b.Failures);
        var failures = view.Failures == 0 || busiest is null
            ? "no failures"
            : $"{view.Failures} failed (most in the {BucketWords(view.Range)} from {busiest.Start.ToString("dd MMM HH:mm 'UTC'", Culture)}: {busiest.Failures})";
        return $"{DisplayFormat.Count(view.Successes, "successful run")} and {failures} in the last {view.Range.Label}; " +
               $"{DisplayFormat.Count(view.AnnotationTotal, "marker")}.";
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
        TimelineMarkerKind.Verification => ChartPalette.Primary,
        TimelineMarkerKind.Acknowledgement => ChartPalette.Neutral,
        TimelineMarkerKind.Note => ChartPalette.Note,
        TimelineMarkerKind.Maintenance => ChartPalette.Maintenance,
        _ => ChartPalette.Success,
    };

    /// <summary>Label rows below the top of the runs chart; markers beyond them keep their line but no label (the
    /// table under the charts lists every one).</summary>
    public const int MaxLabelRows = 5;

    private const int LabelRowPx = 18;

    /// <summary>About how wide the plot is on a laptop screen, and a label's letters: enough to tell which labels
    /// would overlap. A narrower window may still overlap a little; a wider one leaves gaps.</summary>
    private const double PlotWidthPx = 800, LabelPxPerChar = 6, LabelPaddingPx = 12;

    /// <summary>The row each marker's label goes on, or null for none: markers close in time (a fault injected, the
    /// chain it opened, a Sync now minutes later) would otherwise print their labels over each other. Greedy from
    /// the oldest: the first row whose last label ends before this one starts.</summary>
    public static IReadOnlyList<int?> LabelRows(IReadOnlyList<TimelineAnnotation> markers, TimeSpan window)
    {
        var msPerPx = window.TotalMilliseconds / PlotWidthPx;
        var rowEnds = new List<DateTime>();
        var rows = new int?[markers.Count];
        foreach (var (marker, i) in markers.Select((m, i) => (m, i)).OrderBy(p => p.m.AtUtc))
        {
            var row = rowEnds.FindIndex(end => end < marker.AtUtc);
            if (row < 0 && rowEnds.Count < MaxLabelRows)
            {
                rowEnds.Add(DateTime.MinValue);
                row = rowEnds.Count - 1;
            }
            if (row < 0) continue;
            rows[i] = row;
            rowEnds[row] = marker.AtUtc.AddMilliseconds((marker.Label.Length * LabelPxPerChar + LabelPaddingPx) * msPerPx);
        }
        return rows;
    }

    /// <summary>Room above the tallest bar for the rows of labels, so no label covers a bar.</summary>
    private static ChartYAxis RunsAxis(TimelineView view)
    {
        var rows = LabelRows(view.Annotations, view.To - view.From).Max() + 1 ?? 0;
        var tallest = view.Buckets.Select(b => b.Successes + b.Failures).DefaultIfEmpty(0).Max();
        // The plot is about 230 px high: each row of labels takes about a twelfth of it.
        double? max = rows == 0 || tallest == 0 ? null : Math.Ceiling(tallest / (1 - (rows + 0.5) / 12.0));
        return new ChartYAxis(Title: new ChartTitle($"runs per {BucketWords(view.Range)}"), Min: 0, Max: max,
            DecimalsInFloat: 0, ForceNiceScale: max is null ? null : true);
    }

    /// <summary>A note that began before the window is drawn (and labelled) from the window's start.</summary>
    private static List<ChartXAnnotation> Markers(TimelineView view)
    {
        var shown = view.Annotations.Select(a => a.AtUtc < view.From ? a with { AtUtc = view.From } : a).ToList();
        var rows = LabelRows(shown, view.To - view.From);
        return shown.Select((a, i) => Marker(a, rows[i], view.To)).ToList();
    }

    private static long Millis(DateTime utc) => (long)ChartPoint.At(utc, null).X;

    /// <summary>A line at the marker's moment; a note over a range is a band to its end (at most the window's).</summary>
    private static ChartXAnnotation Marker(TimelineAnnotation a, int? row, DateTime windowEnd) => new(
        Millis(a.AtUtc),
        MarkerColor(a.Kind),
        row is { } r
            ? new ChartAnnotationLabel(a.Label, Orientation: "horizontal", TextAnchor: "start", OffsetY: r * LabelRowPx,
                Style: new ChartLabelStyle(Background: MarkerColor(a.Kind), Color: "#fff", FontSize: "10px"),
                BorderColor: MarkerColor(a.Kind))
            : null,
        StrokeDashArray: a.Kind == TimelineMarkerKind.ManualAction ? 0 : 3,
        X2: a.EndUtc is { } end && end > a.AtUtc ? Millis(end < windowEnd ? end : windowEnd) : null,
        FillColor: a.EndUtc is not null ? MarkerColor(a.Kind) : null,
        Opacity: a.EndUtc is not null ? 0.12 : null);

}
