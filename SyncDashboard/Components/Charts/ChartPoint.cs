using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

/// <summary>One sample: <paramref name="X"/> is a category (string) or a time in epoch milliseconds (long).
/// <paramref name="Y"/> is written even when null: ApexCharts draws a gap there.</summary>
public sealed record ChartPoint(
    object X,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Y)
{
    /// <summary>A point on a datetime axis: ApexCharts wants milliseconds since the epoch.</summary>
    public static ChartPoint At(DateTime utc, double? y) =>
        new(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds(), y);
}
