namespace SyncDashboard.Data;

/// <summary>What an operator did by hand, with who and when: the timeline shows these beside the runs they caused.</summary>
public sealed class AuditEntry
{
    /// <summary>Longer actors and details are clipped when recorded; the columns hold this much.</summary>
    public const int MaxActorLength = 128;
    public const int MaxDetailsLength = 500;

    public long Id { get; set; }
    public required string Service { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>The signed-in user's name, or where the request came from when nobody signs in.</summary>
    public required string Actor { get; set; }
    public DateTime OccurredUtc { get; set; }
    /// <summary>What the action was about, in words: "full sync, job 42", "chain #7", "error rate 50% (503)".</summary>
    public string? Details { get; set; }
}
