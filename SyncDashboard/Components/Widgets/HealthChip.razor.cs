using Microsoft.AspNetCore.Components;
using MudBlazor;
using SyncDashboard.Data;

namespace SyncDashboard.Components.Widgets;

/// <summary>The health verdict as a large chip. The mapping is a pure switch, so it is tested as a table.</summary>
public sealed partial class HealthChip
{
    [Parameter, EditorRequired] public HealthStatus Status { get; set; }

    private HealthLook Look => LookOf(Status);

    public static HealthLook LookOf(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => new(Color.Success, Icons.Material.Filled.CheckCircle, "Healthy",
            "Syncs succeed and the data is fresh."),
        HealthStatus.Degraded => new(Color.Warning, Icons.Material.Filled.Warning, "Degraded",
            "Still syncing, with a problem that may mend by itself: see the alerts."),
        HealthStatus.Unhealthy => new(Color.Error, Icons.Material.Filled.Error, "Unhealthy",
            "Needs a human now: see the alerts and the Errors page."),
        _ => new(Color.Default, Icons.Material.Filled.HelpOutline, "Unknown",
            "No sync has finished yet. Press Sync now or wait for the schedule."),
    };
}
