namespace SyncDashboard.Sync.Mirror;

/// <summary>What one sync response asks of one mirror table: rows to upsert, ids to delete, and whether it is a full
/// snapshot (rows missing from it go). <see cref="Present"/> is false when the response did not mention the type.</summary>
public sealed record MirrorBatch<TRow>(bool Present, bool IsSnapshot, IReadOnlyList<TRow> Upserts, IReadOnlyList<string> Deletes)
    where TRow : class;
