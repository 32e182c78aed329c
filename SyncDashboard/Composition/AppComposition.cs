using SyncDashboard.Access;
using SyncDashboard.Alerts;
using SyncDashboard.Api;
using SyncDashboard.Components;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Live;
using SyncDashboard.Maintenance;
using SyncDashboard.Monitoring;
using SyncDashboard.Operations;
using SyncDashboard.Slo;
using SyncDashboard.Sync;
using SyncDashboard.Todoist;
using SyncDashboard.Webhooks;

namespace SyncDashboard.Composition;

/// <summary>The table of contents: each feature registers and maps itself beside its own code.</summary>
public static class AppComposition
{
    public static WebApplicationBuilder AddSyncDashboard(this WebApplicationBuilder builder)
    {
        builder.UseRootAppSettings();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddDatabase()
            .AddLiveUpdates()
            .AddTodoist()
            .AddSlo()
            .AddMaintenance()
            .AddHealth()
            .AddSync()
            .AddMonitoringQueries()
            .AddWebhooks()
            .AddMonitoringJobs()
            .AddAlerts()
            .AddAccess()
            .AddApi()
            .AddDashboard()
            .AddOperations();
        return builder;
    }

    public static WebApplication MapSyncDashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseDashboardNotFoundPage();
        app.UseApiErrors();
        app.UseAccess();
        // Only the webhook endpoint names a limit (WebhookRateLimit): it is anonymous.
        app.UseRateLimiter();
        app.UseAntiforgery();
        // Stylesheets and scripts are public; the login page needs them before anyone has signed in.
        app.MapStaticAssets().AllowAnonymous();
        // Pages that name no icon (Hangfire's console, a bare API response) make browsers ask for /favicon.ico.
        app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapOperations();
        app.MapApi();
        app.MapWebhooks();
        app.MapSyncConsole();
        app.MapDashboard();
        return app;
    }
}
