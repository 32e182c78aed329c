namespace SyncDashboard.Data;

/// <summary>An operator's word that an active alert (by its code) is being handled, and why. While every alert raised
/// has one, no reminder is sent. It ends by itself (<see cref="EndedUtc"/>) the first time health is evaluated without
/// its alert, so the next occurrence of the alert is news again. Two operators acknowledging at once each get a row:
/// nothing is lost, and the newest one is shown beside the alert.</summary>
public sealed class AlertAcknowledgement
{
    public const int MaxNoteLength = 500;

    public long Id { get; set; }
    public required string Service { get; set; }
    /// <summary>The alert's code (<c>STALE_DATA</c>, …).</summary>
    public required string Code { get; set; }
    /// <summary>The signed-in user's name, or where the request came from when nobody signs in.</summary>
    public required string AcknowledgedBy { get; set; }
    public DateTime AcknowledgedUtc { get; set; }
    public required string Note { get; set; }
    /// <summary>When health was first evaluated without the alert; null while the acknowledgement stands.</summary>
    public DateTime? EndedUtc { get; set; }
}
