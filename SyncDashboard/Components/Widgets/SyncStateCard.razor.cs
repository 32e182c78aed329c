using Microsoft.AspNetCore.Components;
using MudBlazor;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Components.Widgets;

/// <summary>The service's sync state at a glance: health, activity, last success and what the mirror holds.</summary>
public sealed partial class SyncStateCard
{
    [Parameter, EditorRequired] public StateSummary State { get; set; } = default!;

    /// <summary>The moment relative times are measured from; the page ticks it.</summary>
    [Parameter, EditorRequired] public DateTimeOffset Now { get; set; }

    /// <summary>The browser's zone, cascaded by <see cref="Layout.BrowserTimeZone"/>.</summary>
    [CascadingParameter] private DisplayZone Zone { get; set; } = DisplayZone.NotYetKnown;

    // The stored healthy flag starts true, so a service that never ran would otherwise look healthy.
    private string HealthText => !State.HasRun ? "Never synced" : State.IsHealthy ? "Healthy" : "Unhealthy";

    private Color HealthColor => !State.HasRun ? Color.Default : State.IsHealthy ? Color.Success : Color.Error;

    private IEnumerable<(string Label, int Count)> MirrorLines =>
    [
        ("Tasks", State.Mirror.Items),
        ("Completed", State.Mirror.CompletedItems),
        ("Projects", State.Mirror.Projects),
        ("Sections", State.Mirror.Sections),
        ("Labels", State.Mirror.Labels),
        ("Comments", State.Mirror.Notes),
    ];
}
