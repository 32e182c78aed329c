namespace SyncDashboard.Todoist.Wire;

public sealed record WireDue
{
    public bool IsRecurring { get; init; }
    public string? String { get; init; }
    public string? Date { get; init; }
    public string? Datetime { get; init; }
    public string? Timezone { get; init; }
    public string? Lang { get; init; }
}
