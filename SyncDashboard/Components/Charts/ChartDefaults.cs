namespace SyncDashboard.Components.Charts;

/// <summary>What the dashboard's charts share, so the timeline and performance charts look and read alike.</summary>
public static class ChartDefaults
{
    /// <summary>A chart of <paramref name="type"/> without animations, toolbar or zoom.</summary>
    public static ChartSettings Settings(string type, bool? stacked = null) => new(
        type, Stacked: stacked,
        Animations: new ChartToggle(Enabled: false), Toolbar: new ChartToggle(Show: false), Zoom: new ChartToggle(Enabled: false));

    // The browser's own zone for the axis labels: the chart runs there, and every time in text reads in that zone too
    // (DisplayZone).
    public static ChartXAxis TimeAxis() => new(Type: "datetime", Labels: new ChartAxisLabels(DatetimeUTC: false));

    /// <summary>Up to this many points a series gets a dot on each; beyond, the dots would crowd into a thick line.</summary>
    public const int DottedUpTo = 48;

    public const int DotSize = 3;

    /// <summary>A lone point's dot is larger: it is all there is of its series there, with no segment leading to it.
    /// This is the last series' size; each series before it gets <see cref="LoneDotStep"/> more, so lone dots at the
    /// same value (the mean and p95 of a single run) nest, each a ring around the next, instead of the last one
    /// hiding the others.</summary>
    public const int LoneDotSize = 4;

    public const int LoneDotStep = 3;

    /// <summary>Dots for a line chart: a small one on every point while the series are short enough
    /// (<see cref="DottedUpTo"/>), and a larger one on every lone point, a value with no value on either side. A line
    /// needs two neighbouring values to draw a segment, so without its dot a lone point (the only run of the window,
    /// a run after a gap) would draw nothing at all. Lone dots are filled to the edge in their series' colour (no
    /// white rim), so the ring a nested dot leaves shows the colour.</summary>
    public static ChartMarkers LineMarkers(IReadOnlyList<ChartSeries> series, IReadOnlyList<string> colors)
    {
        var lone = series
            .SelectMany((s, i) => LonePoints(s.Data).Select(j =>
            {
                var color = colors[i % colors.Count];
                return new ChartDiscreteMarker(i, j, color, color, LoneDotSize + LoneDotStep * (series.Count - 1 - i));
            }))
            .ToList();
        var longest = series.Select(s => s.Data.Count).DefaultIfEmpty(0).Max();
        return new ChartMarkers(Size: longest <= DottedUpTo ? DotSize : 0, Discrete: lone.Count == 0 ? null : lone);
    }

    /// <summary>The indexes of the values whose neighbours (where there are any) are both gaps.</summary>
    public static IEnumerable<int> LonePoints(IReadOnlyList<ChartPoint> data) =>
        Enumerable.Range(0, data.Count).Where(j =>
            data[j].Y is not null && (j == 0 || data[j - 1].Y is null) && (j == data.Count - 1 || data[j + 1].Y is null));

    /// <summary>A duration rounded to 0.1 ms for the chart's data; null (a gap) stays null.</summary>
    public static double? Round(double? value) => value is null ? null : Math.Round(value.Value, 1);
}
