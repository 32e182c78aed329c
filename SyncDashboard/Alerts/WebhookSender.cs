using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Alerts;

/// <summary>The generic JSON webhook channel: one POST per notification, signed when a secret is configured. No retry
/// here: <see cref="AlertDelivery"/> owns redelivery, and records every attempt.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<AlertOptions> options)
{
    public const string ClientName = "alerts-webhook";
    public const string SignatureHeader = "X-SyncDashboard-Signature";

    public async Task SendAsync(AlertPayload payload, CancellationToken ct)
    {
        var webhook = options.Value.Webhook;
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, AlertMessage.Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in webhook.Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (!string.IsNullOrEmpty(webhook.Secret))
        {
            var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(webhook.Secret), body);
            request.Headers.TryAddWithoutValidation(SignatureHeader, "sha256=" + Convert.ToHexStringLower(mac));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(webhook.TimeoutSeconds));
        using var client = clients.CreateClient(ClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new AlertDeliveryException($"No answer from {Where(webhook.Url!)} within {webhook.TimeoutSeconds} s.");
        }
        catch (HttpRequestException ex)
        {
            throw new AlertDeliveryException($"Could not reach {Where(webhook.Url!)}: {ex.Message}", ex);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new AlertDeliveryException(
                    $"{Where(webhook.Url!)} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
        }
    }

    /// <summary>Scheme, host and port only: a webhook URL's path or query often is the credential.</summary>
    public static string Where(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}" : "the webhook";
}
