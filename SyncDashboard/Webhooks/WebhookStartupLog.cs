using SyncDashboard.Todoist;

namespace SyncDashboard.Webhooks;

/// <summary>Says at start-up whether webhooks are on and with which kind of secret (never the secret).</summary>
internal sealed class WebhookStartupLog(WebhookSecret secret, ILogger<WebhookStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        switch (secret.Source)
        {
            case WebhookSecretSource.ClientSecret:
                logger.LogInformation("Todoist webhooks on at {Path}, verified with Todoist:ClientSecret", WebhookEndpoint.Path);
                break;
            case WebhookSecretSource.DemoProcess:
                logger.LogInformation("Todoist webhooks on at {Path} in demo mode, with a per-process secret shared with the simulator",
                    WebhookEndpoint.Path);
                break;
            default:
                logger.LogWarning("Todoist webhooks are OFF: a Todoist token is configured without Todoist:ClientSecret; " +
                    "{Path} answers 503 until it is set", WebhookEndpoint.Path);
                break;
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
