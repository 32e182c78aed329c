namespace SyncDashboard.Todoist.Simulator;

public static class SimulatorSetup
{
    /// <summary>Registers the simulator. Its listener starts only in demo mode (no Todoist token configured).</summary>
    public static IHostApplicationBuilder AddTodoistSimulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SimulatorEndpoint>();
        return builder;
    }
}
