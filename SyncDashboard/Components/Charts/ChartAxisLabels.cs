using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

public sealed record ChartAxisLabels(bool? DatetimeUTC = null, string? Format = null, bool? Show = null, int? Rotate = null);
