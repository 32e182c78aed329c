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
}

public sealed record ChartSettings(
    string Type,
    string? Height = null,
    bool? Stacked = null,
    string? Background = null,
    string? FontFamily = null,
    ChartToggle? Animations = null,
    ChartToggle? Toolbar = null,
    ChartToggle? Zoom = null);

/// <summary>An option that is only switched on or off (<c>{ "enabled": false }</c>, <c>{ "show": false }</c>).</summary>
public sealed record ChartToggle(bool? Enabled = null, bool? Show = null);

public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Data, string? Type = null);

/// <summary>One sample: <paramref name="X"/> is a category (string) or a time in epoch milliseconds (long).
/// <paramref name="Y"/> is written even when null: ApexCharts draws a gap there.</summary>
public sealed record ChartPoint(
    object X,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Y)
{
    /// <summary>A point on a datetime axis: ApexCharts wants milliseconds since the epoch.</summary>
    public static ChartPoint At(DateTime utc, double? y) =>
        new(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds(), y);
}

public sealed record ChartXAxis(
    string? Type = null,
    ChartAxisLabels? Labels = null,
    ChartTitle? Title = null,
    int? TickAmount = null);

public sealed record ChartAxisLabels(bool? DatetimeUTC = null, string? Format = null, bool? Show = null, int? Rotate = null);

public sealed record ChartYAxis(
    ChartTitle? Title = null,
    double? Min = null,
    double? Max = null,
    int? DecimalsInFloat = null,
    bool? ForceNiceScale = null,
    string? SeriesName = null,
    bool? Opposite = null);

public sealed record ChartTitle(string Text);

public sealed record ChartAnnotations(
    IReadOnlyList<ChartXAnnotation>? Xaxis = null,
    IReadOnlyList<ChartYAnnotation>? Yaxis = null);

/// <summary>A vertical line at <paramref name="X"/>, or a band to <paramref name="X2"/>.</summary>
public sealed record ChartXAnnotation(
    long X, string BorderColor, ChartAnnotationLabel? Label = null, int? StrokeDashArray = null,
    long? X2 = null, string? FillColor = null, double? Opacity = null);

public sealed record ChartYAnnotation(double Y, string BorderColor, ChartAnnotationLabel? Label = null, int? StrokeDashArray = null);

/// <summary><paramref name="OffsetY"/> moves the label down from the top of the plot, in pixels;
/// <paramref name="TextAnchor"/> is where the line meets the label: start, middle (the default) or end.</summary>
public sealed record ChartAnnotationLabel(
    string Text, string? Orientation = null, ChartLabelStyle? Style = null, string? BorderColor = null,
    int? OffsetY = null, string? TextAnchor = null);

public sealed record ChartLabelStyle(string? Background = null, string? Color = null, string? FontSize = null);

public sealed record ChartStroke(IReadOnlyList<int>? Width = null, string? Curve = null, IReadOnlyList<int>? DashArray = null);

public sealed record ChartPlotOptions(ChartBarOptions? Bar = null);

public sealed record ChartBarOptions(string? ColumnWidth = null, bool? Horizontal = null);

public sealed record ChartLegend(bool? Show = null, string? Position = null);

public sealed record ChartTheme(string Mode);

public sealed record ChartTooltip(bool? Shared = null, bool? Intersect = null, ChartTooltipX? X = null);

public sealed record ChartTooltipX(string? Format = null);

public sealed record ChartNoData(string Text);

public sealed record ChartMarkers(int? Size = null);
