namespace SyncDashboard.Data;

/// <summary>One object a verification found different: its id and, where either side has one, its name (a task's
/// content, a comment's text), cut short.</summary>
public sealed record DriftExample(DriftKind Kind, string Id, string? Name);
