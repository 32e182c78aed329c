using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SyncDashboard.Todoist.Simulator;

public static class SimulatorSetup
{
    /// <summary>Registers the simulator. Its listener and activity start only in demo mode (no Todoist token
    /// configured). Expects <see cref="SimulatorOptions"/> and <see cref="TodoistOptions"/> to be bound, as
    /// <c>AddTodoist</c> does.</summary>
    public static IHostApplicationBuilder AddTodoistSimulator(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<SimulatorEndpoint>();
        builder.Services.TryAddSingleton<TodoistSimulator>();
        builder.Services.TryAddSingleton<SimulatorHost>();
        builder.Services.TryAddSingleton<SimulatorFaultCommands>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SimulatorHost>());
        builder.Services.AddHostedService<SimulatorActivity>();
        builder.Services.TryAddSingleton<WebhookSecret>();
        // The signature header must never reach a log line, whatever the log level.
        builder.Services.AddHttpClient(SimulatorWebhooks.HttpClientName).RedactLoggedHeaders(_ => true);
        builder.Services.TryAddSingleton<SimulatorWebhooks>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SimulatorWebhooks>());
        return builder;
    }
}
