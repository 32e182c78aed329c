namespace SyncDashboard.Todoist.Wire;

/// <summary>The <c>error_extra</c> fields the app reads; Todoist sends others (<c>argument</c>, <c>explanation</c>, …).</summary>
public sealed record WireErrorExtra
{
    public int? RetryAfter { get; init; }
    public string? EventId { get; init; }
}
