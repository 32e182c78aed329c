using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

public sealed record ChartStroke(IReadOnlyList<int>? Width = null, string? Curve = null, IReadOnlyList<int>? DashArray = null);
