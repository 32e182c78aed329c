using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Bodies above this size are refused with 413 before their signature is checked. Todoist's are a few
    /// kilobytes (one object each).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Deliveries within this many seconds of the first of a burst share one sync. 0 syncs at once.</summary>
    [Range(0, 300)]
    public int DebounceSeconds { get; set; } = 5;

    public WebhookRateLimitOptions RateLimit { get; set; } = new();
}
