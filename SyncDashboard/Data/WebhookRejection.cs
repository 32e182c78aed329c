namespace SyncDashboard.Data;

/// <summary>Webhook requests refused, counted per service, hour and reason; nothing else of them is kept.</summary>
public sealed class WebhookRejection
{
    public long Id { get; set; }
    public required string Service { get; set; }
    public DateTime HourUtc { get; set; }
    public WebhookRejectionReason Reason { get; set; }
    public long Count { get; set; }
}
