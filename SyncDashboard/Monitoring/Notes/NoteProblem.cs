namespace SyncDashboard.Monitoring.Notes;

/// <summary>Why a note cannot be saved: the field at fault (<c>start</c>, <c>end</c>, <c>text</c>) and what is wrong
/// with it, as the end of a sentence that starts with the field's name.</summary>
public sealed record NoteProblem(string Field, string Problem);
