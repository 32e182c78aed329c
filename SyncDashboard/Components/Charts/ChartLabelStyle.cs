using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

public sealed record ChartLabelStyle(string? Background = null, string? Color = null, string? FontSize = null);
