namespace SyncDashboard.Maintenance;

public static class MaintenanceSetup
{
    /// <summary>Maintenance windows: read by the health, SLO, sync and alert code, written through audited commands.</summary>
    public static IHostApplicationBuilder AddMaintenance(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MaintenanceQueries>();
        builder.Services.AddSingleton<MaintenanceCommands>();
        return builder;
    }
}
