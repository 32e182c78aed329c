namespace SyncDashboard.Todoist.Wire;

public sealed record WireDuration
{
    public int Amount { get; init; }
    public string Unit { get; init; } = "minute";
}
