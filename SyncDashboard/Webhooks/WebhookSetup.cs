using SyncDashboard.Configuration;

namespace SyncDashboard.Webhooks;

public static class WebhookSetup
{
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<WebhookOptions>(WebhookOptions.Section);
        builder.Services.AddWebhookRateLimit();
        // WebhookSecret comes with AddTodoist: the simulator signs with it too.
        builder.Services.AddSingleton<WebhookClaims>();
        builder.Services.AddTransient<WebhookInbox>();
        builder.Services.AddTransient<WebhookSyncJob>();
        builder.Services.AddSingleton<WebhookQueries>();
        builder.Services.AddHostedService<WebhookStartupLog>();
        return builder;
    }

    public static WebApplication MapWebhooks(this WebApplication app)
    {
        app.MapTodoistWebhooks();
        return app;
    }
}
