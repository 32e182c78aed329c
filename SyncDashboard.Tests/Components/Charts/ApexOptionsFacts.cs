using SyncDashboard.Components.Charts;
using Xunit;

namespace SyncDashboard.Tests.Components.Charts;

public sealed class ApexOptionsFacts
{
    private static readonly DateTime Hour = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ApexOptions Chart(string type, double?[] values, bool marked = false) => new(
        new ChartSettings(type),
        [new ChartSeries("s", values.Select((v, i) => ChartPoint.At(Hour.AddHours(i), v)).ToList())],
        Annotations: marked ? new ChartAnnotations(Xaxis: [new ChartXAnnotation(0, ChartPalette.Info)]) : null);

    public static TheoryData<string, double?[], bool, bool> Cases => new()
    {
        { "line", [], false, false },
        { "line", [null, null, null], false, false },
        { "line", [null, 250, null], false, true },
        { "line", [null, 0, null], false, true },
        { "bar", [0, 0, 0], false, false },
        { "bar", [0, 1, 0], false, true },
        // A sync paused all day: no run, but the pause on the time axis is worth showing.
        { "bar", [0, 0, 0], true, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void HasData_IsFalse_OnlyWhenTheChartWouldBeBareAxes(string type, double?[] values, bool marked, bool expected)
    {
        Assert.Equal(expected, Chart(type, values, marked).HasData());
    }
}
