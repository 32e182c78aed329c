using SyncDashboard.Data;

namespace SyncDashboard.Health;

/// <summary>The latest mirror verification that compared anything (<c>Exact</c> or <c>Drift</c>), for health.</summary>
public sealed record VerificationSummary(VerificationOutcome Outcome, DateTime VerifiedUtc, int Missing, int Extra, int Changed)
{
    public static VerificationSummary Of(MirrorVerification row) =>
        new(row.Outcome, row.VerifiedUtc, row.Missing, row.Extra, row.Changed);
}
