namespace SyncDashboard.Data;

/// <summary>An operator's note on the timeline: a moment (<see cref="EndUtc"/> null) or a time range, with words such
/// as "Todoist incident" or "token rotated".</summary>
public sealed class TimelineNote
{
    public const int MaxTextLength = 500;

    public long Id { get; set; }
    public required string Service { get; set; }
    public DateTime StartUtc { get; set; }
    /// <summary>Null: the note marks a moment.</summary>
    public DateTime? EndUtc { get; set; }
    public required string Text { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
}
