using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

public sealed record ChartSettings(
    string Type,
    string? Height = null,
    bool? Stacked = null,
    string? Background = null,
    string? FontFamily = null,
    ChartToggle? Animations = null,
    ChartToggle? Toolbar = null,
    ChartToggle? Zoom = null);
