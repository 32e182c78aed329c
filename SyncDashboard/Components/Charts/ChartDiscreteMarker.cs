using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

/// <summary>One point's own dot: the <paramref name="DataPointIndex"/>-th point of the
/// <paramref name="SeriesIndex"/>-th series.</summary>
public sealed record ChartDiscreteMarker(int SeriesIndex, int DataPointIndex, string FillColor, string StrokeColor, int Size);
