namespace SyncDashboard.Todoist.Wire;

/// <summary>The JSON body of every Todoist error response.</summary>
public sealed record WireError
{
    public string? Error { get; init; }
    public int? ErrorCode { get; init; }
    public string? ErrorTag { get; init; }
    public int? HttpCode { get; init; }
    public WireErrorExtra? ErrorExtra { get; init; }
}
