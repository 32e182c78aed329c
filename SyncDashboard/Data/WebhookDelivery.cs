namespace SyncDashboard.Data;

/// <summary>One accepted Todoist webhook delivery: what it announced, when, and the sync run that covered it. Unique
/// on <see cref="DeliveryId"/>, so a redelivery is recognised however many nodes receive it at once.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public required string Service { get; set; }
    /// <summary>Todoist's <c>X-Todoist-Delivery-ID</c>: unique per notification and reused on redelivery.</summary>
    public required string DeliveryId { get; set; }
    /// <summary><c>item:added</c>, <c>note:updated</c>, …</summary>
    public required string EventName { get; set; }
    public required string UserId { get; set; }
    /// <summary>The resource type (<c>item</c>, <c>note</c>, …) and id of the object in <c>event_data</c>, so
    /// missed deliveries can be told from announced changes.</summary>
    public string? ObjectType { get; set; }
    public string? ObjectId { get; set; }
    /// <summary>Todoist's <c>triggered_at</c>: when the change happened.</summary>
    public DateTime? TriggeredUtc { get; set; }
    public DateTime ReceivedUtc { get; set; }
    /// <summary>How many times Todoist delivered it again after the first (answered 200, not processed).</summary>
    public int Redeliveries { get; set; }
    /// <summary>Set by the webhook sync run that took this delivery on, before it fetched (a per-run token).</summary>
    public string? ClaimToken { get; set; }
    /// <summary>The sync event of the run that covered this delivery; its completion minus
    /// <see cref="ReceivedUtc"/> is the delivery-to-sync latency.</summary>
    public long? SyncEventId { get; set; }
}
