using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

public sealed record ChartYAxis(
    ChartTitle? Title = null,
    double? Min = null,
    double? Max = null,
    int? DecimalsInFloat = null,
    bool? ForceNiceScale = null,
    string? SeriesName = null,
    bool? Opposite = null);
