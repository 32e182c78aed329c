using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Notes;

/// <summary>What a timeline note must be: text that <see cref="StoredText"/> accepts, and an end, if any, no earlier
/// than its start. Pure, so the API and the Timeline page refuse the same notes with the same words.</summary>
public static class NoteRules
{
    public static NoteProblem? Check(DateTime startUtc, DateTime? endUtc, string? text)
    {
        if (StoredText.Problem(text, TimelineNote.MaxTextLength) is { } problem) return new("text", problem);
        if (endUtc is { } end && end < startUtc) return new("end", "must not be before 'start'");
        return null;
    }
}
