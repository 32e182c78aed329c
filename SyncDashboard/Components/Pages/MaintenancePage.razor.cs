using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Configuration;
using SyncDashboard.Maintenance;

namespace SyncDashboard.Components.Pages;

/// <summary>The maintenance windows, active first, with what each held back, kept live; operators create (scheduled
/// or ad hoc), end and delete them through <see cref="MaintenanceCommands"/>, which audits each change.</summary>
public sealed partial class MaintenancePage
{
    [Inject] private MaintenanceQueries Queries { get; set; } = default!;
    [Inject] private MaintenanceCommands Commands { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private OperatorAction Operator { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    private IReadOnlyList<MaintenanceRow>? rows;
    private readonly MaintenanceForm form = new();
    private MaintenanceProblem? problem;

    private bool CanAct => IsInteractive && !Operator.IsRunning;

    protected override async Task LoadAsync(CancellationToken ct) =>
        rows = await Queries.ListAsync(ServiceName.Todoist, ct);

    private string? Message(string field) =>
        problem is { } p && p.Field == field ? MaintenanceForm.Message(p) : null;

    private async Task CreateAsync()
    {
        // A scheduled window's zone defaults to the browser's, the one every time on the page is shown in.
        if (form.Scheduled && string.IsNullOrWhiteSpace(form.TimeZone)) form.TimeZone = Zone.Browser?.Id ?? "UTC";
        if (form.Parse(Zone, Time.GetUtcNow().UtcDateTime, out problem) is not { } draft) return;
        await Operator.RunAsync("Create maintenance window", AuthState, "The window could not be created; see the server log.",
            async actor =>
            {
                var row = await Commands.AddAsync(draft, actor, CancellationToken.None);
                form.Reason = null;
                form.Start = null;
                return new ActionOutcome(row.State == MaintenanceState.Active
                    ? $"Maintenance window active until {Zone.Time(row.CurrentEnd!.Value)}."
                    : "Maintenance window created.", Severity.Success);
            });
    }

    private Task EndAsync(long id) =>
        Operator.RunAsync("End maintenance window", AuthState, "The window could not be ended; see the server log.",
            async actor => await Commands.EndAsync(id, actor, CancellationToken.None) switch
            {
                EndMaintenanceResult.Ended => new ActionOutcome("Maintenance window ended.", Severity.Success),
                EndMaintenanceResult.NotFound => new ActionOutcome("That window was deleted meanwhile.", Severity.Info),
                _ => new ActionOutcome("That window was already over.", Severity.Info),
            });

    private async Task DeleteAsync(long id, string reason)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete this maintenance window?",
            $"{reason}. The time it left out of uptime and the SLO budgets counts again.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true) return;
        await Operator.RunAsync("Delete maintenance window", AuthState, "The window could not be deleted; see the server log.",
            async actor => await Commands.DeleteAsync(id, actor, CancellationToken.None)
                ? new ActionOutcome("Maintenance window deleted.", Severity.Success)
                : new ActionOutcome("That window was deleted meanwhile.", Severity.Info));
    }

    private static string Effects(MaintenanceRow row) =>
        string.Join(", ", new[]
        {
            "notifications held",
            row.PauseSyncing ? "syncing paused" : null,
            row.ExcludeFromSlo ? "left out of uptime and SLOs" : null,
        }.OfType<string>());

    private static Color StateColor(MaintenanceState state) => state switch
    {
        MaintenanceState.Active => Color.Warning,
        MaintenanceState.Upcoming => Color.Info,
        _ => Color.Default,
    };
}
