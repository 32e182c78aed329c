using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

/// <summary><paramref name="OffsetY"/> moves the label down from the top of the plot, in pixels;
/// <paramref name="TextAnchor"/> is where the line meets the label: start, middle (the default) or end.</summary>
public sealed record ChartAnnotationLabel(
    string Text, string? Orientation = null, ChartLabelStyle? Style = null, string? BorderColor = null,
    int? OffsetY = null, string? TextAnchor = null);
