using SyncDashboard.Data;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Sync.Verification;

/// <summary>What a verifying full sync fetched: the snapshot to apply, and the incremental answers that bring the
/// mirror up to the snapshot's moment. <see cref="Unverified"/> is set when no comparison may be made (not aligned,
/// rate-limited), with <see cref="Note"/> saying why.</summary>
public sealed record VerifiedFetch(
    SyncResponse Snapshot,
    IReadOnlyList<SyncResponse> Deltas,
    VerificationOutcome? Unverified,
    int AlignAttempts,
    int ExtraCalls,
    string? Note);
