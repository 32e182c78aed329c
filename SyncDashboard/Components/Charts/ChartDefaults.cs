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

    /// <summary>A duration rounded to 0.1 ms for the chart's data; null (a gap) stays null.</summary>
    public static double? Round(double? value) => value is null ? null : Math.Round(value.Value, 1);
}
