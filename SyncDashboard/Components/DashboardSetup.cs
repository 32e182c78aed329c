using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;

namespace SyncDashboard.Components;

public static class DashboardSetup
{
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        // The queries hold only the context factory (a context per call), so one instance serves every circuit.
        // TryAdd: the API registers the same read side, whichever feature comes first.
        builder.Services.TryAddSingleton<EventQueries>();
        builder.Services.TryAddSingleton<StateQueries>();
        // AddSync registers the real, Hangfire-backed commands before this runs; the fallback keeps the page usable
        // (it refuses every request) on a build without the engine.
        builder.Services.TryAddSingleton<SyncCommands>();
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
