using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

/// <summary><paramref name="Min"/> and <paramref name="Max"/> bound a datetime axis, in epoch milliseconds; unset, it
/// spans the data's first and last points.</summary>
public sealed record ChartXAxis(
    string? Type = null,
    ChartAxisLabels? Labels = null,
    ChartTitle? Title = null,
    int? TickAmount = null,
    long? Min = null,
    long? Max = null);
