using Hangfire;
using Microsoft.Extensions.Options;
using SyncDashboard.Configuration;

namespace SyncDashboard.Alerts;

public static class AlertSetup
{
    /// <summary>Alert notifications. Needs Hangfire and the health queries, so it comes after <c>AddSync</c>.</summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<AlertOptions>(AlertOptions.Section);
        // A client of its own: no resilience handler (redelivery is AlertDelivery's), and none of the factory's
        // request logging, whose scopes carry the full URL, and a webhook URL is often a credential.
        services.AddHttpClient(WebhookSender.ClientName).RemoveAllLoggers();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<AlertDelivery>();
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<AlertQueries>();
        // Acknowledging works with or without a channel: it is shown on the overview either way.
        services.AddSingleton<AcknowledgementCommands>();
        services.AddTransient<AlertJobs>();
        services.AddHostedService<AlertSchedule>();
        return builder;
    }
}
