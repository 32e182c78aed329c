using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

public sealed record ChartBarOptions(string? ColumnWidth = null, bool? Horizontal = null);
