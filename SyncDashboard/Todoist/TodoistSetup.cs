using SyncDashboard.Configuration;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Todoist;

public static class TodoistSetup
{
    public static IHostApplicationBuilder AddTodoist(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<TodoistOptions>(TodoistOptions.Section);
        builder.Services.AddValidatedOptions<SimulatorOptions>(SimulatorOptions.Section);
        builder.Services.AddSingleton<TodoistTargetResolver>();
        builder.Services.AddSingleton<WebhookSecret>();
        builder.Services.AddHttpClient<TodoistClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // The bearer token must never reach a log line, whatever the log level.
            .RedactLoggedHeaders(_ => true);
        builder.AddTodoistSimulator();
        return builder;
    }
}
