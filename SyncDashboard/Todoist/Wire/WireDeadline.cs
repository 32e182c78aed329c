namespace SyncDashboard.Todoist.Wire;

/// <summary>A task's deadline: a date, no time.</summary>
public sealed record WireDeadline
{
    public string? Date { get; init; }
    public string? Lang { get; init; }
}
