using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

public sealed record ChartAnnotations(
    IReadOnlyList<ChartXAnnotation>? Xaxis = null,
    IReadOnlyList<ChartYAnnotation>? Yaxis = null);
