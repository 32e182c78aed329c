using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Sync.Verification;

/// <summary><c>Verification</c>: the check every full sync makes of the mirror against Todoist (docs/sync.md).</summary>
public sealed class VerificationOptions
{
    public const string Section = "Verification";

    /// <summary>Verify at every full sync that has a mirror to verify. Off: full syncs replace the mirror silently.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the answers are fetched again when Todoist changed between them, before the verification
    /// is recorded as not aligned. Each attempt costs one full and two incremental calls.</summary>
    [Range(1, 10)]
    public int MaxAlignAttempts { get; set; } = 3;

    /// <summary>Example ids kept per resource type and kind of difference.</summary>
    [Range(0, 50)]
    public int ExamplesPerKind { get; set; } = 5;
}
