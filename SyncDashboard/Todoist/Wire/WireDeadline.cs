namespace SyncDashboard.Todoist.Wire;

public sealed record WireDeadline
{
    public string? Date { get; init; }
    public string? Lang { get; init; }
}
