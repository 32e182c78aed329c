using Microsoft.AspNetCore.Components;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Components.Widgets;

/// <summary>The overview's numbers. All derived here from the summary, so the markup only lays them out.</summary>
public sealed partial class KpiGrid
{
    [Parameter, EditorRequired] public DashboardSummary Summary { get; set; } = default!;
    [Parameter, EditorRequired] public int ActiveErrors { get; set; }
    [Parameter, EditorRequired] public bool IsPaused { get; set; }
    [Parameter, EditorRequired] public DateTimeOffset Now { get; set; }

    /// <summary>The browser's zone, cascaded by <see cref="Layout.BrowserTimeZone"/>.</summary>
    [CascadingParameter] private DisplayZone Zone { get; set; } = DisplayZone.NotYetKnown;

    private IEnumerable<Kpi> Kpis
    {
        get
        {
            var state = Summary.Overview;
            var health = Summary.Health;
            var perf = Summary.Performance;
            var last = new[] { state.LastSuccessfulSyncAt, state.LastFailedSyncAt }.Max();

            yield return last is { } at
                ? new Kpi("last-sync", "Last sync", DisplayFormat.Ago(at, Now),
                    $"{Zone.Time(at)} · {(at == state.LastSuccessfulSyncAt ? "succeeded" : "failed")}",
                    Zone.Title(at))
                : new Kpi("last-sync", "Last sync", "never", "Press Sync now to run the first one.");
            yield return IsPaused
                ? new Kpi("next-sync", "Next scheduled sync", "paused", "Scheduled runs wait until you resume.")
                : health.NextScheduledSyncAt is { } next
                    ? new Kpi("next-sync", "Next scheduled sync", DisplayFormat.In(next, Now), Zone.Time(next),
                        Zone.Title(next))
                    : new Kpi("next-sync", "Next scheduled sync", "—", "No schedule registered.");
            yield return new Kpi("success-rate", "Success rate (24 h)", DisplayFormat.Percent(perf.SuccessRate),
                perf.Attempts == 0 ? "No runs in the last 24 hours." : $"{perf.Successes} of {DisplayFormat.Count(perf.Attempts, "run")} succeeded");
            yield return new Kpi("mean-duration", "Mean duration (24 h)",
                DisplayFormat.Duration(perf.MeanDurationMs is { } ms ? (long)Math.Round(ms) : null),
                perf.Successes == 0 ? "No successful run to time." : $"over {DisplayFormat.Count(perf.Successes, "successful run")}");
            yield return new Kpi("active-errors", "Active errors", ActiveErrors.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ActiveErrors == 0 ? "No open failure chain." : "Open failure chains: resolve or retry them.",
                Href: ActiveErrors == 0 ? null : "errors");
            var mirror = state.Mirror;
            yield return new Kpi("mirror", "Items in the mirror", mirror.Items.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"tasks; {mirror.CompletedItems} completed, {mirror.Projects} projects, {mirror.Notes} comments");
            yield return new Kpi("uptime", "Uptime 24 h / 7 d / 30 d",
                $"{DisplayFormat.Percent(health.Uptime.Last24Hours)} / {DisplayFormat.Percent(health.Uptime.Last7Days)} / " +
                DisplayFormat.Percent(health.Uptime.Last30Days),
                "Share of time the last attempt had succeeded.");
            // From the last success and the ticking clock, so the age moves between reloads.
            yield return state.LastSuccessfulSyncAt is { } fresh
                ? new Kpi("freshness", "Data freshness", DisplayFormat.Age(Math.Max(0, (Now.UtcDateTime - fresh).TotalSeconds)),
                    "since the last successful sync", DisplayFormat.Utc(fresh))
                : new Kpi("freshness", "Data freshness", "—", "Nothing synced yet.");
        }
    }
}
