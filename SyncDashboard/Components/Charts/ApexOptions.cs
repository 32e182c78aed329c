using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

// The subset of ApexCharts 4.7 options the dashboard uses, as records; serialised camelCase with nulls left out, so
// every unset option keeps ApexCharts' default. Property names follow https://apexcharts.com/docs/options/.

public sealed record ApexOptions(
    ChartSettings Chart,
    IReadOnlyList<ChartSeries> Series,
    ChartXAxis? Xaxis = null,
    IReadOnlyList<ChartYAxis>? Yaxis = null,
    ChartAnnotations? Annotations = null,
    IReadOnlyList<string>? Colors = null,
    ChartStroke? Stroke = null,
    ChartPlotOptions? PlotOptions = null,
    ChartToggle? DataLabels = null,
    ChartLegend? Legend = null,
    ChartTheme? Theme = null,
    ChartTooltip? Tooltip = null,
    ChartNoData? NoData = null,
    ChartMarkers? Markers = null)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Whether there is anything to draw: a value (for bars, one above zero, as a bar of height zero draws
    /// nothing) or a moment marked on the time axis. Without either a chart would be bare axes, and ApexCharts' own
    /// "no data" text only shows when the series have no points at all, not when every point is a gap.</summary>
    public bool HasData() =>
        Series.Any(s => s.Data.Any(p => p.Y is { } y && (Chart.Type != "bar" || y != 0)))
        || Annotations?.Xaxis is { Count: > 0 };
}
