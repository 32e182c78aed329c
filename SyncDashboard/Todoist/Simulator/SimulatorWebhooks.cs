using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>Posts the simulated account's changes to the app as Todoist would: signed with the shared secret,
/// one delivery per changed object, with <c>X-Todoist-Delivery-ID</c> and <c>User-Agent: Todoist-Webhooks</c>. Demo
/// mode only. Drops, duplicates, delays and reorders deliveries at the configured rates; delays are wall-clock, like
/// the network they imitate.</summary>
public sealed class SimulatorWebhooks(
    TodoistSimulator simulator,
    WebhookSecret secret,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    IHttpClientFactory httpClients,
    IOptions<SimulatorOptions> options,
    IOptions<TodoistOptions> todoist,
    ILogger<SimulatorWebhooks> logger) : BackgroundService
{
    public const string HttpClientName = "simulator-webhooks";

    private readonly Random random = new(unchecked(options.Value.Seed * 31 + 3));
    private readonly PriorityQueue<(string DeliveryId, byte[] Body), long> pending = new();
    private long sent, dropped, duplicated, failed;

    public SimulatorWebhookCounters Counters => new(
        Interlocked.Read(ref sent), Interlocked.Read(ref dropped), Interlocked.Read(ref duplicated), Interlocked.Read(ref failed));

    /// <summary>Where deliveries go once the app has started; null while it is unknown or when sending is off.</summary>
    public Uri? Target { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Webhooks;
        if (!todoist.Value.IsDemoMode || !settings.Enabled || !secret.IsEnabled) return;
        // Announcements are collected only once there is somewhere to send them.
        if (await TargetAsync(settings, stoppingToken) is not { } target) return;
        var feed = simulator.Webhooks();
        Target = target;
        logger.LogInformation("The Todoist simulator posts webhooks to {Target}", target);

        using var http = httpClients.CreateClient(HttpClientName);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                while (feed.TryRead(out var webhook)) Plan(webhook, settings);
                if (pending.TryPeek(out _, out var due) && due <= Environment.TickCount64)
                {
                    var (deliveryId, body) = pending.Dequeue();
                    await PostAsync(http, target, deliveryId, body, stoppingToken);
                    continue;
                }
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                if (pending.TryPeek(out _, out due)) wait.CancelAfter(TimeSpan.FromMilliseconds(Math.Max(1, due - Environment.TickCount64)));
                try { await feed.WaitToReadAsync(wait.Token); }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { /* a delivery is due */ }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Plan(SimulatedWebhook webhook, SimulatorWebhookOptions settings)
    {
        if (Roll(settings.DropRate))
        {
            Interlocked.Increment(ref dropped);
            return;
        }
        var deliveryId = Guid.NewGuid().ToString();
        var body = JsonSerializer.SerializeToUtf8Bytes(new WebhookBody(
            webhook.EventName, simulator.UserId, webhook.EventData, webhook.EventDataExtra, Initiator.Of(simulator.UserId),
            WebhookBody.ApiV1, webhook.TriggeredUtc), TodoistJson.Options);
        var at = Environment.TickCount64;
        if (Roll(settings.DelayRate)) at += settings.DelayMs;
        if (Roll(settings.ReorderRate)) at += random.Next(1, settings.ReorderMs + 1);
        pending.Enqueue((deliveryId, body), at);
        if (Roll(settings.DuplicateRate))
        {
            Interlocked.Increment(ref duplicated);
            pending.Enqueue((deliveryId, body), at + random.Next(50, 500));
        }
    }

    private async Task PostAsync(HttpClient http, Uri target, string deliveryId, byte[] body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, secret.Sign(body));
        request.Headers.TryAddWithoutValidation(WebhookSignature.DeliveryIdHeader, deliveryId);
        request.Headers.UserAgent.ParseAdd(WebhookSignature.UserAgent);
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref sent);
                return;
            }
            Interlocked.Increment(ref failed);
            logger.LogWarning("The app answered a simulated webhook with {Status}", (int)response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            // Todoist would redeliver later; the simulator just counts it and goes on.
            Interlocked.Increment(ref failed);
            logger.LogWarning("A simulated webhook could not be delivered: {Message}", ex.Message);
        }
    }

    /// <summary>The configured URL, or the app's own endpoint at the first address its server bound (port 0 is
    /// resolved by then). An in-memory test server has no address: sending stays off.</summary>
    private async Task<Uri?> TargetAsync(SimulatorWebhookOptions settings, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(settings.TargetUrl)) return new Uri(settings.TargetUrl);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (ct.Register(() => started.TrySetCanceled(ct)))
        {
            try { await started.Task; }
            catch (OperationCanceledException) { return null; }
        }
        // A host without a web server (the simulator hosted alone) has no address either.
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                      ?? addresses.FirstOrDefault();
        if (address is null)
        {
            logger.LogInformation("The app has no network address; the simulator sends no webhooks");
            return null;
        }
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0") uri.Host = "127.0.0.1";
        if (uri.Host is "[::]" or "::") uri.Host = "[::1]";
        uri.Path = "/webhooks/todoist";
        return uri.Uri;
    }

    private bool Roll(double rate) => rate > 0 && random.NextDouble() < rate;

    /// <summary>Todoist's webhook body. <c>event_data_extra</c> is left out when the event has none.</summary>
    private sealed record WebhookBody(
        string EventName,
        string UserId,
        object EventData,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? EventDataExtra,
        Initiator Initiator,
        string Version,
        DateTime TriggeredAt)
    {
        /// <summary>The payload version of apps on API v1; Todoist's SDK refuses any other.</summary>
        public const string ApiV1 = "1";
    }

    private sealed record Initiator(string Id, string Email, string FullName, string? ImageId, bool IsPremium)
    {
        public static Initiator Of(string userId) => new(userId, "demo@example.com", "Demo User", null, true);
    }
}
