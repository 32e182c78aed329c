using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>One mirror verification as the API and the pages show it.</summary>
public sealed record VerificationRow(
    long Id,
    DateTime VerifiedUtc,
    VerificationOutcome Outcome,
    int Missing,
    int Extra,
    int Changed,
    IReadOnlyList<DriftByType> ByType,
    int AlignAttempts,
    int ExtraCalls,
    string? Note,
    long? SyncEventId)
{
    public static VerificationRow Of(MirrorVerification v) => new(
        v.Id, v.VerifiedUtc, v.Outcome, v.Missing, v.Extra, v.Changed, v.ByType, v.AlignAttempts, v.ExtraCalls, v.Note,
        v.SyncEventId);
}
