using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>A real HTTP server on a free local port that keeps every POST it receives and answers
/// <see cref="FailFirst"/> of them with 500 before it accepts.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private int requests;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    public int FailFirst { get; set; }

    /// <summary>Every request, the refused ones too.</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>The accepted deliveries.</summary>
    public IReadOnlyCollection<ReceivedWebhook> Received => received;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var body = new StreamReader(http.Request.Body);
            var text = await body.ReadToEndAsync();
            if (Interlocked.Increment(ref receiver.requests) <= receiver.FailFirst) return Results.StatusCode(500);
            receiver.received.Enqueue(new ReceivedWebhook(
                http.Request.Path, text, http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.Address = new Uri(app.Urls.First());
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record ReceivedWebhook(string Path, string Body, IReadOnlyDictionary<string, string> Headers);
