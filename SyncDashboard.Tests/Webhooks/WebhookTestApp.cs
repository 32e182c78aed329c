using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist;

namespace SyncDashboard.Tests.Webhooks;

/// <summary>The test app with its logs captured, and what a test needs to play Todoist: signed delivery bodies.</summary>
public sealed class WebhookTestApp(IDictionary<string, string?>? overrides = null, string? databaseFile = null)
    : TestApp(WithExactDeliveries(overrides), databaseFile)
{
    /// <summary>The shipped demo profile drops, duplicates, delays and reorders a few deliveries; tests that count
    /// deliveries start from none of that unless they ask.</summary>
    private static Dictionary<string, string?> WithExactDeliveries(IDictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Simulator:Webhooks:Enabled"] = "true",
            ["Simulator:Webhooks:DropRate"] = "0",
            ["Simulator:Webhooks:DuplicateRate"] = "0",
            ["Simulator:Webhooks:DelayRate"] = "0",
            ["Simulator:Webhooks:ReorderRate"] = "0",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>More test services (a fault injector), added after the app's own.</summary>
    public Action<IServiceCollection>? WithServices { get; init; }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(Logs);
        WithServices?.Invoke(services);
    }

    public static byte[] Body(string eventName = "item:updated", string objectId = "6X7rM8997g3RQmvh", DateTime? triggeredUtc = null) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["event_name"] = eventName,
            ["user_id"] = "2671355",
            ["event_data"] = new Dictionary<string, object?> { ["id"] = objectId, ["content"] = "Buy milk", ["checked"] = false },
            ["initiator"] = new Dictionary<string, object?> { ["id"] = "2671355", ["email"] = "a@example.com", ["full_name"] = "A", ["is_premium"] = true },
            ["version"] = "10",
            ["triggered_at"] = (triggeredUtc ?? DateTime.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"),
        }));

    public string Sign(byte[] body) => Get<WebhookSecret>().Sign(body);

    public static HttpRequestMessage Request(byte[] body, string? signature, string? deliveryId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/todoist") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null) request.Headers.TryAddWithoutValidation(WebhookSignature.Header, signature);
        request.Headers.TryAddWithoutValidation(WebhookSignature.DeliveryIdHeader, deliveryId ?? Guid.NewGuid().ToString());
        request.Headers.UserAgent.ParseAdd(WebhookSignature.UserAgent);
        return request;
    }

    public async Task<HttpResponseMessage> PostSignedAsync(HttpClient http, byte[] body, string? deliveryId = null)
    {
        using var request = Request(body, Sign(body), deliveryId);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<List<WebhookDelivery>> DeliveriesAsync()
    {
        await using var db = await CreateDbAsync();
        return await db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    public async Task<List<SyncEvent>> WebhookSyncsAsync()
    {
        await using var db = await CreateDbAsync();
        return await db.SyncEvents.AsNoTracking().Where(e => e.Trigger == SyncTrigger.Webhook).OrderBy(e => e.Id).ToListAsync();
    }
}
