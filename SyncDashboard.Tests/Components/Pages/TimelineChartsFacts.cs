using SyncDashboard.Components.Pages;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Tests.Components.Pages;

public sealed class TimelineChartsFacts
{
    private static readonly DateTime Midnight = new(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private static TimelineAnnotation At(int minutes, string label = "Sync now") =>
        new(Midnight.AddMinutes(minutes), TimelineMarkerKind.ManualAction, label, null);

    [Fact]
    public void LabelRows_PutsMarkersFarApart_OnTheFirstRow()
    {
        Assert.Equal([0, 0, 0], TimelineCharts.LabelRows([At(0), At(240), At(600)], Day));
    }

    [Fact]
    public void LabelRows_StaggersMarkersCloseInTime_AndReusesARowOnceItIsFree()
    {
        // Minutes apart on a day's chart: each label would cover the one before; hours later the first row is free.
        var rows = TimelineCharts.LabelRows([At(0, "Fault injection"), At(2, "Chain #1 opened"), At(20), At(300)], Day);

        Assert.Equal([0, 1, 2, 0], rows);
    }

    [Fact]
    public void LabelRows_LeavesLabelsOut_BeyondTheLastRow()
    {
        var markers = Enumerable.Range(0, TimelineCharts.MaxLabelRows + 2).Select(i => At(i)).ToList();

        var rows = TimelineCharts.LabelRows(markers, Day);

        Assert.Equal(TimelineCharts.MaxLabelRows, rows.Count(r => r is not null));
        Assert.Null(rows[^1]);
    }

    [Fact]
    public void WindowAxis_HoldsAMarkerInTheNewestBucket_AndTheFirstBarWhole()
    {
        var buckets = Enumerable.Range(0, 24)
            .Select(h => new TimelineBucket(Midnight.AddHours(h), 0, h == 23 ? 1 : 0, null, null, null)).ToList();
        // The chain the last failure opened, ten minutes before the window's end: after the newest bucket's start.
        var chain = new TimelineAnnotation(Midnight + Day - TimeSpan.FromMinutes(10), TimelineMarkerKind.ChainOpened, "Chain #1 opened", null);
        var view = new TimelineView(TimelineRange.Day, Midnight, Midnight + Day, buckets, [chain], 1);

        var runs = TimelineCharts.Runs(view);

        var axis = runs.Xaxis!;
        Assert.InRange(runs.Annotations!.Xaxis![0].X, axis.Min!.Value, axis.Max!.Value);
        Assert.Equal(Millis(Midnight - TimeSpan.FromMinutes(30)), axis.Min);
        Assert.Equal(axis, TimelineCharts.Durations(view).Xaxis);
    }

    private static long Millis(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeMilliseconds();

    [Fact]
    public void LabelRows_FollowsTheMarkersOrder_NotTheirTimes()
    {
        Assert.Equal([1, 0], TimelineCharts.LabelRows([At(1, "Chain #1 opened"), At(0)], Day));
    }
}
