namespace SyncDashboard.Todoist.Wire;

public sealed record WireErrorExtra
{
    public int? RetryAfter { get; init; }
    public string? EventId { get; init; }
}
