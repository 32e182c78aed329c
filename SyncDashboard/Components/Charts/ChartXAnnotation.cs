using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

/// <summary>A vertical line at <paramref name="X"/>, or a band to <paramref name="X2"/>.</summary>
public sealed record ChartXAnnotation(
    long X, string BorderColor, ChartAnnotationLabel? Label = null, int? StrokeDashArray = null,
    long? X2 = null, string? FillColor = null, double? Opacity = null);
