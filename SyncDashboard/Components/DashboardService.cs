namespace SyncDashboard.Components;

/// <summary>The service the dashboard shows.</summary>
public static class DashboardService
{
    // TODO: becomes SyncDashboard.Sync.SyncEngine.Service once the engine lands; this is the one place to swap.
    public const string Name = "todoist";
}
