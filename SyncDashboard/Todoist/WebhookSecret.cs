using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Todoist;

/// <summary>The key webhook signatures are checked with. <c>Todoist:ClientSecret</c> when configured; in demo mode
/// without one, a random key made for this process, shared with the simulator so its deliveries verify; otherwise
/// none, and the endpoint is off. The key never leaves this object except as an HMAC key.</summary>
public sealed class WebhookSecret
{
    private readonly byte[]? key;

    public WebhookSecret(IOptions<TodoistOptions> options)
    {
        var todoist = options.Value;
        if (!string.IsNullOrWhiteSpace(todoist.ClientSecret))
        {
            key = WebhookSignature.KeyOf(todoist.ClientSecret);
            Source = WebhookSecretSource.ClientSecret;
        }
        else if (todoist.IsDemoMode)
        {
            key = RandomNumberGenerator.GetBytes(32);
            Source = WebhookSecretSource.DemoProcess;
        }
        else
        {
            Source = WebhookSecretSource.None;
        }
    }

    public WebhookSecretSource Source { get; }

    public bool IsEnabled => key is not null;

    public bool Verify(ReadOnlySpan<byte> body, string? signature) =>
        key is not null && WebhookSignature.IsValid(key, body, signature);

    /// <summary>Signs a body the way Todoist would; the simulator's deliveries use it.</summary>
    public string Sign(ReadOnlySpan<byte> body) =>
        WebhookSignature.Compute(key ?? throw new InvalidOperationException("Webhooks have no secret."), body);

    // The key stays out of logs and debugger displays.
    public override string ToString() => $"WebhookSecret({Source})";
}
