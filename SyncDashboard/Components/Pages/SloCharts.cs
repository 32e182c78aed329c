using System.Globalization;
using SyncDashboard.Components.Charts;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Components.Pages;

/// <summary>The objectives page's burn-down charts as ApexCharts options, and the words and links of what spent a
/// budget. Pure.</summary>
public static class SloCharts
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>The budget left over the window as it was spent, with zero (the objective missed below it) as a dashed
    /// line. Nothing to draw while nothing was measured (no budget allowed, none spent).</summary>
    public static ApexOptions BurnDown(SloSpent spent)
    {
        var measured = spent.BudgetAllowed > 0 || spent.BurnDown.Any(p => p.Remaining != 0);
        List<ChartSeries> series = measured
            ? [new ChartSeries($"budget left ({spent.Unit})",
                spent.BurnDown.Select(p => ChartPoint.At(p.AtUtc, Math.Round(p.Remaining, 2))).ToList())]
            : [];
        List<string> colors = [ChartPalette.Primary];
        return new ApexOptions(
            Chart: ChartDefaults.Settings("line"),
            Series: series,
            Xaxis: ChartDefaults.TimeAxis(),
            Yaxis: [new ChartYAxis(Title: new ChartTitle(spent.Unit), DecimalsInFloat: 1)],
            Annotations: new ChartAnnotations(Yaxis: measured
                ? [new ChartYAnnotation(0, ChartPalette.Failure, new ChartAnnotationLabel("budget spent",
                    Style: new ChartLabelStyle(ChartPalette.Failure, "#fff")), StrokeDashArray: 4)]
                : []),
            Colors: colors,
            Stroke: new ChartStroke(Width: [2], Curve: "straight"),
            Markers: ChartDefaults.LineMarkers(series, colors),
            DataLabels: new ChartToggle(Enabled: false),
            Legend: new ChartLegend(Show: false),
            Tooltip: new ChartTooltip(Shared: true, Intersect: false, X: new ChartTooltipX("dd MMM HH:mm")),
            NoData: new ChartNoData("Nothing measured in this window yet"));
    }

    public static string BurnDownSummary(SloSpent spent) => spent.BurnDown.Count == 0
        ? "Nothing measured yet."
        : $"{Amount(spent.BudgetAllowed, spent.Unit)} allowed over the window; " +
          $"{Amount(spent.BurnDown[^1].Remaining, spent.Unit)} left now.";

    public static string What(SloSpentItem item) => item.Kind switch
    {
        SloSpentItem.Chain => $"Failure chain #{item.ChainId}{(item.ErrorCode is null ? "" : $" ({item.ErrorCode})")}",
        SloSpentItem.Failures => "Failures without a stored chain (abandoned runs, or purged events)",
        _ => "Mirror stale",
    };

    /// <summary>The chain on Errors; otherwise History from the end of the period back, so its runs come first.</summary>
    public static string LinkOf(SloSpentItem item) => item.ChainId is { } chain
        ? ErrorChainCard.LinkTo(chain)
        : $"history?range=all{(item.Kind == SloSpentItem.Failures ? "&status=failed" : "")}" +
          $"&after={new EventCursor(item.EndUtc.AddSeconds(1), long.MaxValue).Encode()}";

    public static string Amount(double value, string unit) => $"{value.ToString("0.##", Culture)} {unit}";
}
