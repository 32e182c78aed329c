using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using SyncDashboard.Sync;

namespace SyncDashboard.Alerts;

/// <summary><c>Alerts:Webhook:*</c>: a generic JSON webhook. The URL may itself carry a secret (many chat services put
/// one in the path), so only its scheme, host and port ever appear in logs or recorded errors.</summary>
public sealed class WebhookChannelOptions
{
    public string? Url { get; set; }

    /// <summary>When set, each body is signed: <c>X-SyncDashboard-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>.</summary>
    public string? Secret { get; set; }

    /// <summary>Extra request headers (an <c>Authorization</c> header, say); their values are treated as secrets.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    internal IEnumerable<ValidationResult> Validate()
    {
        if (IsConfigured && !AlertOptions.IsHttpUrl(Url!))
        {
            yield return AlertOptions.Fail("Webhook:Url", "must be an absolute http(s) URL");
        }
        foreach (var name in Headers.Keys.Where(n => string.IsNullOrWhiteSpace(n) || n.Any(c => c <= ' ' || c == ':')))
        {
            yield return AlertOptions.Fail($"Webhook:Headers:{name}", "is not a valid header name");
        }
    }
}
