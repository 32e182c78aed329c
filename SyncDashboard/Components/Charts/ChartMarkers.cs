using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

/// <summary>The dots on a line's points: <paramref name="Size"/> for every point, <paramref name="Discrete"/> for
/// single points drawn differently.</summary>
public sealed record ChartMarkers(int? Size = null, IReadOnlyList<ChartDiscreteMarker>? Discrete = null);
