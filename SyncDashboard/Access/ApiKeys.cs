using System.Security.Cryptography;
using System.Text;

namespace SyncDashboard.Access;

/// <summary>Makes and checks API keys: <c>sdk_</c> and 43 characters of base64url (256 random bits). Only the key's
/// SHA-256 is configured, so neither the configuration nor a leaked copy of it lets anyone call the API.</summary>
public static class ApiKeys
{
    public const string Prefix = "sdk_";
    private const int MaxKeyLength = 256;

    public static string NewKey() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes: what <c>Access:ApiKeys:N:Hash</c> holds.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool IsHash(string? text) => text is { Length: 64 } && text.All(char.IsAsciiHexDigit);

    /// <summary>The entry whose hash the key has, compared in constant time; null for any other key.</summary>
    public static ConfiguredApiKey? Find(IEnumerable<ConfiguredApiKey> keys, string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength) return null;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        ConfiguredApiKey? found = null;
        foreach (var entry in keys)
        {
            if (!IsHash(entry.Hash)) continue;
            // Every entry is compared, found or not, so the time taken says nothing about which entry matched.
            if (CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(entry.Hash))) found ??= entry;
        }
        return found;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
