namespace SyncDashboard.Data;

/// <summary>One check of the mirror against Todoist, made by a full sync before its snapshot replaces the mirror
/// (docs/sync.md, "Verification"). Written in the full sync's own transaction.</summary>
public sealed class MirrorVerification
{
    public long Id { get; set; }
    public required string Service { get; set; }
    /// <summary>The full sync that made it (null once retention removed that event).</summary>
    public long? SyncEventId { get; set; }
    public DateTime VerifiedUtc { get; set; }
    public VerificationOutcome Outcome { get; set; }
    public int Missing { get; set; }
    public int Extra { get; set; }
    public int Changed { get; set; }
    /// <summary>Per resource type, only those with a difference.</summary>
    public List<DriftByType> ByType { get; set; } = [];
    /// <summary>Times the answers were fetched to line them up (1 when Todoist did not change meanwhile).</summary>
    public int AlignAttempts { get; set; }
    /// <summary>Calls to Todoist the verification made beyond the full sync's own: its share of the quota.</summary>
    public int ExtraCalls { get; set; }
    /// <summary>Why it was not aligned or skipped, in words.</summary>
    public string? Note { get; set; }

    public const int MaxNoteLength = 500;
}
