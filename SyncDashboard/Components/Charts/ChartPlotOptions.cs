using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

public sealed record ChartPlotOptions(ChartBarOptions? Bar = null);
