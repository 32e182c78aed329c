using Microsoft.AspNetCore.Diagnostics;
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

    /// <summary>A browser asking for a page that does not exist gets the dashboard's Not Found page. Only page
    /// requests: the JSON API's 404s stay bodiless, and Hangfire's dashboard answers its own status codes. Must come
    /// before <c>UseAntiforgery</c>: the re-executed request runs the rest of the pipeline again.</summary>
    public static WebApplication UseDashboardNotFoundPage(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            // The middleware above offers this feature to every request; give it back for anything but a page.
            if (!IsPageRequest(context) && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }
            await next(context);
        });
        return app;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static bool IsPageRequest(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && !context.Request.Path.StartsWithSegments("/api")
        && !context.Request.Path.StartsWithSegments("/hangfire")
        && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
