using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

public sealed record ChartMarkers(int? Size = null);
