using System.Security.Cryptography;
using System.Text;

namespace SyncDashboard.Todoist;

/// <summary>Todoist's webhook signature: <c>X-Todoist-Hmac-SHA256</c> = base64(HMAC-SHA256(key = the app's client
/// secret, message = the raw body bytes)).</summary>
public static class WebhookSignature
{
    public const string Header = "X-Todoist-Hmac-SHA256";
    public const string DeliveryIdHeader = "X-Todoist-Delivery-ID";
    public const string UserAgent = "Todoist-Webhooks";

    public static string Compute(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(HMACSHA256.HashData(secret, body));

    /// <summary>Whether <paramref name="header"/> is the body's signature. Compares the decoded MACs in constant time,
    /// so how long a refusal takes says nothing about how much of a forged signature was right.</summary>
    public static bool IsValid(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length > 128) return false;
        Span<byte> given = stackalloc byte[96];
        if (!Convert.TryFromBase64String(header.Trim(), given, out var length)) return false;
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, body, expected);
        // FixedTimeEquals returns at once on a length mismatch; the length of a MAC is no secret.
        return CryptographicOperations.FixedTimeEquals(given[..length], expected);
    }

    public static byte[] KeyOf(string secret) => Encoding.UTF8.GetBytes(secret);
}
