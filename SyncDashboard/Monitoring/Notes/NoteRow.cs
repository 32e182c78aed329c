namespace SyncDashboard.Monitoring.Notes;

/// <summary>A timeline note as the API, the exports and the Timeline page show it; <paramref name="End"/> is null for
/// a note that marks a moment.</summary>
public sealed record NoteRow(long Id, DateTime Start, DateTime? End, string Text, string CreatedBy, DateTime CreatedAt);
