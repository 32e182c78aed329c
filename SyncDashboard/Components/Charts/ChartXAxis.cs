using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

public sealed record ChartXAxis(
    string? Type = null,
    ChartAxisLabels? Labels = null,
    ChartTitle? Title = null,
    int? TickAmount = null);
