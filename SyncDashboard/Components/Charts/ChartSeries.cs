using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Data, string? Type = null);
