using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

public sealed record ChartLegend(bool? Show = null, string? Position = null);
