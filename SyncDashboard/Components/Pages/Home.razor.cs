using Microsoft.AspNetCore.Components;
using MudBlazor;
using SyncDashboard.Alerts;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Configuration;
using SyncDashboard.Maintenance;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Todoist;

namespace SyncDashboard.Components.Pages;

/// <summary>The overview: health, alerts, KPIs, recent activity, Sync now and Pause/Resume, kept live.</summary>
public sealed partial class Home
{
    [Inject] private DashboardQueries Dashboard { get; set; } = default!;
    [Inject] private ErrorQueries Errors { get; set; } = default!;
    [Inject] private PauseQueries Pauses { get; set; } = default!;
    [Inject] private MaintenanceQueries Maintenance { get; set; } = default!;
    [Inject] private TodoistTargetResolver Target { get; set; } = default!;
    [Inject] private AcknowledgementCommands Acknowledgements { get; set; } = default!;

    private DashboardSummary? summary;
    private PauseSummary? pause;
    private MaintenanceSpan? maintenance;
    private int activeErrors;

    private bool IsDemoMode => Target.IsDemoMode;

    private bool IsPaused => summary?.Overview.IsPaused ?? false;

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var dashboard = await Dashboard.GetAsync(ServiceName.Todoist, ct);
        // One row is enough: the report counts every open chain over the same filter.
        var errors = await Errors.ReportAsync(ServiceName.Todoist, includeResolved: false, limit: 1, ct);
        var paused = dashboard.Overview.IsPaused ? await Pauses.GetAsync(ServiceName.Todoist, ct) : null;
        // The window in progress that lasts longest: the one whose end the notice announces.
        var window = (await Maintenance.ActiveAsync(ServiceName.Todoist, ct)).MaxBy(s => s.EndUtc);
        (summary, activeErrors, pause, maintenance) = (dashboard, errors.OpenChains, paused, window);
    }

    private async Task<ActionOutcome> AcknowledgeAsync(string code, string note, string actor)
    {
        var result = await Acknowledgements.AcknowledgeAsync(code, note, actor, CancellationToken.None);
        RequestReload();
        return result.Status == AcknowledgeStatus.Done
            ? new($"{code} acknowledged: no reminders while every alert is acknowledged; it ends when {code} clears.", Severity.Success)
            : new($"{code} is no longer raised: there is nothing to acknowledge.", Severity.Info);
    }
}
