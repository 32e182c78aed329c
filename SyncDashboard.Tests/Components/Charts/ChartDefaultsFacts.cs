using SyncDashboard.Components.Charts;
using Xunit;

namespace SyncDashboard.Tests.Components.Charts;

public sealed class ChartDefaultsFacts
{
    private static readonly DateTime Hour = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static List<ChartPoint> Points(params double?[] values) =>
        values.Select((v, i) => ChartPoint.At(Hour.AddHours(i), v)).ToList();

    private static List<ChartPoint> OneValueAt(int index, int count) =>
        Points(Enumerable.Range(0, count).Select(i => i == index ? 250.0 : (double?)null).ToArray());

    [Theory]
    [InlineData(new double[] { 1 }, new int[] { 0 })]
    [InlineData(new double[] { 1, 2 }, new int[0])]
    [InlineData(new double[] { -1, 1, -1 }, new int[] { 1 })]
    [InlineData(new double[] { 1, -1, 2, 3, -1, 4 }, new int[] { 0, 5 })]
    [InlineData(new double[] { -1, -1 }, new int[0])]
    public void LonePoints_AreTheValuesWithAGapOrTheEdgeOnEachSide(double[] values, int[] lone)
    {
        // -1 stands for a gap: attributes take no nulls in arrays.
        var data = Points(values.Select(v => v < 0 ? null : (double?)v).ToArray());

        Assert.Equal(lone, ChartDefaults.LonePoints(data));
    }

    [Fact]
    public void LineMarkers_DotsEveryPoint_WhenTheSeriesAreShort()
    {
        var markers = ChartDefaults.LineMarkers([new("p50", Points(1, 2, 3))], [ChartPalette.Primary]);

        Assert.Equal(ChartDefaults.DotSize, markers.Size);
        Assert.Null(markers.Discrete);
    }

    [Fact]
    public void LineMarkers_DotsNoPoint_WhenTheSeriesAreLong_AndNoneIsAlone()
    {
        var hours = Points(Enumerable.Range(0, ChartDefaults.DottedUpTo + 1).Select(i => (double?)i).ToArray());

        var markers = ChartDefaults.LineMarkers([new("p50", hours)], [ChartPalette.Primary]);

        Assert.Equal(0, markers.Size);
        Assert.Null(markers.Discrete);
    }

    [Fact]
    public void LineMarkers_GiveEachLonePointALargerDotInItsSeriesColour_HoweverLongTheSeries()
    {
        // A week of hours (168 points, no dots of their own) with one run: both series have only that point, at the
        // same value (a single run's mean is its p95), so the first series' dot is the larger, a ring around the other.
        var markers = ChartDefaults.LineMarkers(
            [new("Mean", OneValueAt(100, 168)), new("p95", OneValueAt(100, 168))],
            [ChartPalette.Primary, ChartPalette.Warning]);

        Assert.Equal(0, markers.Size);
        Assert.Equal(
            [
                new ChartDiscreteMarker(0, 100, ChartPalette.Primary, ChartPalette.Primary, ChartDefaults.LoneDotSize + ChartDefaults.LoneDotStep),
                new ChartDiscreteMarker(1, 100, ChartPalette.Warning, ChartPalette.Warning, ChartDefaults.LoneDotSize),
            ],
            markers.Discrete);
    }
}
