namespace SyncDashboard.Todoist.Wire;

/// <summary>A task's due date; <see cref="Datetime"/> is set for a due time, <see cref="Timezone"/> only when the time
/// is fixed to a zone (a floating time has none).</summary>
public sealed record WireDue
{
    public bool IsRecurring { get; init; }
    public string? String { get; init; }
    public string? Date { get; init; }
    public string? Datetime { get; init; }
    public string? Timezone { get; init; }
    public string? Lang { get; init; }
}
