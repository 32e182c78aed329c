namespace SyncDashboard.Monitoring.Queries;

/// <summary>Something to mark on the timeline: a manual action (from the audit log), a failure chain opening or
/// closing, or an alert notification decided (a change of health, a critical alert, a recovery; one marker however
/// many channels it went to, none for reminders), or a verification of the mirror.</summary>
public sealed record TimelineAnnotation(DateTime AtUtc, TimelineMarkerKind Kind, string Label, string? Detail);
