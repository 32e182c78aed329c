using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

public sealed record ChartYAnnotation(double Y, string BorderColor, ChartAnnotationLabel? Label = null, int? StrokeDashArray = null);
