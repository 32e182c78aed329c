namespace SyncDashboard.Monitoring.Queries;

/// <summary>An acknowledgement as the overview, the API and a notification's alerts show it: which alert, who, when,
/// why, and when it ended (null while it stands).</summary>
public sealed record AcknowledgementRow(long Id, string Code, string By, DateTime At, string Note, DateTime? EndedAt);
