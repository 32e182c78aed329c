using Microsoft.AspNetCore.Diagnostics;
using MudBlazor;
using MudBlazor.Services;

namespace SyncDashboard.Components;

public static class DashboardSetup
{
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        Layout.BrowserTimeZone.AddTo(builder.Services);
        builder.Services.AddTransient<Widgets.OperatorAction>();
        // Bottom right: a confirmation must not cover the buttons that caused it.
        builder.Services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
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
