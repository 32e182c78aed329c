using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SyncDashboard.Configuration;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Slo;

namespace SyncDashboard.Components.Pages;

/// <summary>Each objective's attainment, error budget and burn rates beside the rules' thresholds; kept live.</summary>
public sealed partial class SloPage
{
    [Inject] private SloQueries SloQueries { get; set; } = default!;

    private SloReport? report;
    private SloSpentReport? spent;

    protected override bool TicksClock => false;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        report = await SloQueries.GetAsync(ServiceName.Todoist, ct);
        spent = await SloQueries.SpentAsync(ServiceName.Todoist, ct);
    }

    private SloSpent? SpentOf(SloSummary objective) => spent?.Objectives.FirstOrDefault(s => s.Name == objective.Name);

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private static string Describe(SloSummary o) => o.Kind == SloKind.Success
        ? $"{DisplayFormat.Percent(o.Target)} of sync attempts succeed over {o.WindowDays} days"
        : o.FreshnessThresholdMinutes is { } minutes
            ? $"the mirror is at most {minutes.ToString("0.#", Culture)} min old {DisplayFormat.Percent(o.Target)} of the time over {o.WindowDays} days"
            : "not measured: no sync schedule to derive the freshness threshold from";

    private static string MetText(SloSummary o) => o.Met switch { true => "Met", false => "Missed", null => "No data" };

    private static Color MetColor(SloSummary o) => o.Met switch { true => Color.Success, false => Color.Error, null => Color.Default };

    private static Color FiringColor(BurnSeverity severity) => severity == BurnSeverity.Page ? Color.Error : Color.Warning;

    private static string Amount(double value, string unit) => $"{value.ToString("0.##", Culture)} {unit}";

    private static string Rate(double? rate) => rate is { } r ? $"{r.ToString("0.##", Culture)}×" : "—";

    private static string Window(int minutes) => minutes switch
    {
        < 60 => $"{minutes} min",
        _ when minutes % (24 * 60) == 0 => $"{minutes / (24 * 60)} d",
        _ when minutes % 60 == 0 => $"{minutes / 60} h",
        _ => $"{minutes} min",
    };

    /// <summary>The rules that judge this window, long or short: "14.4× (page, with 5 min)".</summary>
    private string Thresholds(int windowMinutes)
    {
        var rules = report?.Rules ?? [];
        var parts = rules
            .Where(r => r.LongWindowMinutes == windowMinutes || r.ShortWindowMinutes == windowMinutes)
            .Select(r => $"{r.BurnRate.ToString("0.#", Culture)}× ({r.Severity.ToString().ToLowerInvariant()}, with " +
                         $"{Window(r.LongWindowMinutes == windowMinutes ? r.ShortWindowMinutes : r.LongWindowMinutes)})");
        var text = string.Join("; ", parts);
        return text.Length == 0 ? "—" : text;
    }
}
