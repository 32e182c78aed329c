namespace SyncDashboard.Todoist.Wire;

/// <summary>How long a task takes: <see cref="Unit"/> is <c>minute</c> or <c>day</c>.</summary>
public sealed record WireDuration
{
    public int Amount { get; init; }
    public string Unit { get; init; } = "minute";
}
