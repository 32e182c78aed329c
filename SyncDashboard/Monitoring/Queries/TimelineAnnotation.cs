namespace SyncDashboard.Monitoring.Queries;

/// <summary>Something to mark on the timeline: a manual action (from the audit log), a failure chain opening or
/// closing, or an alert notification decided (a change of health, a critical alert, a recovery; one marker however
/// many channels it went to, none for reminders), a verification of the mirror, an alert acknowledged or its
/// acknowledgement ended, or an operator's note. A note over a range has its <paramref name="EndUtc"/>, and every note
/// its <paramref name="NoteId"/>, so the page can offer to delete it.</summary>
public sealed record TimelineAnnotation(
    DateTime AtUtc, TimelineMarkerKind Kind, string Label, string? Detail, DateTime? EndUtc = null, long? NoteId = null);
