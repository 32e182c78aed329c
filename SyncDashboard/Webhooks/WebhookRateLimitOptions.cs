using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Webhooks;

public sealed class WebhookRateLimitOptions
{
    /// <summary>Webhook requests one client address (an IPv6 /64) may make per minute; more get 429 and write
    /// nothing. Todoist sends one delivery per changed object, so only a bulk edit of hundreds of objects in a minute
    /// comes near the default; a delivery refused then is redelivered and, being a notification, its change is
    /// fetched by the sync an earlier delivery armed anyway. 0 = no limit.</summary>
    [Range(0, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 600;
}
