namespace SyncDashboard.Api;

/// <summary>The body of <c>POST /api/notes</c>: ISO-8601 times with a zone; no <paramref name="End"/> for a moment.</summary>
public sealed record NoteRequest(string? Start, string? End, string? Text);
