using Microsoft.Extensions.Options;
using SyncDashboard.Configuration;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Todoist;

public static class TodoistSetup
{
    public static IHostApplicationBuilder AddTodoist(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTodoistOptions();
        builder.Services.AddValidatedOptions<SimulatorOptions>(SimulatorOptions.Section);
        builder.Services.AddSingleton<TodoistTargetResolver>();
        builder.Services.AddSingleton<WebhookSecret>();
        builder.Services.AddHttpClient<TodoistClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // The bearer token must never reach a log line, whatever the log level.
            .RedactLoggedHeaders(_ => true);
        builder.AddTodoistSimulator();
        return builder;
    }

    /// <summary>Binds and validates <see cref="TodoistOptions"/>. Configuration binding appends a configured array to
    /// the one the property starts with, so <c>Todoist:ResourceTypes</c> from appsettings.json, the environment or the
    /// command line would come on top of the five defaults (each type asked for twice); a configured list replaces
    /// the default here instead.</summary>
    public static OptionsBuilder<TodoistOptions> AddTodoistOptions(this IServiceCollection services) =>
        services.AddValidatedOptions<TodoistOptions>(TodoistOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
            {
                var configured = configuration.GetSection($"{TodoistOptions.Section}:{nameof(TodoistOptions.ResourceTypes)}");
                if (configured.GetChildren().Any()) options.ResourceTypes = configured.Get<string[]>() ?? [];
            });
}
