using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SyncDashboard.Todoist;

namespace SyncDashboard.Tests.MultiNode;

/// <summary>What a load balancer in front of the nodes does for Todoist's webhooks: each delivery the simulator posts
/// here is sent on, body and headers as they came, to one live node picked at random; a node that died answers with
/// a failed delivery (502), as it would behind a real balancer between two health checks.</summary>
internal sealed class WebhookBalancer : IAsyncDisposable
{
    private static readonly string[] ForwardedHeaders = [WebhookSignature.Header, WebhookSignature.DeliveryIdHeader, "User-Agent"];

    private readonly WebApplication app;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private long forwarded, failed;

    private WebhookBalancer(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    public long Forwarded => Interlocked.Read(ref forwarded);
    public long Failed => Interlocked.Read(ref failed);

    /// <param name="pick">A live node's address, or null when none is up.</param>
    public static async Task<WebhookBalancer> StartAsync(Func<Uri?> pick)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var balancer = new WebhookBalancer(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            if (pick() is not { } node) return Results.StatusCode(502);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node, context.Request.Path))
            {
                Content = new ByteArrayContent(body.ToArray()),
            };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
            foreach (var header in ForwardedHeaders)
            {
                if (context.Request.Headers.TryGetValue(header, out var value)) request.Headers.TryAddWithoutValidation(header, value.ToString());
            }
            try
            {
                using var response = await balancer.http.SendAsync(request);
                Interlocked.Increment(ref balancer.forwarded);
                return Results.StatusCode((int)response.StatusCode);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref balancer.failed);
                return Results.StatusCode(502);
            }
        });
        await app.StartAsync();
        balancer.Address = new Uri(app.Urls.First());
        return balancer;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        http.Dispose();
    }
}
