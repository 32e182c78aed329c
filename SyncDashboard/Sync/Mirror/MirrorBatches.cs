namespace SyncDashboard.Sync.Mirror;

public static class MirrorBatches
{
    /// <summary>Splits a response's array for one resource type. An omitted array on a full sync leaves the table
    /// alone: Todoist makes every key optional, and wiping a table on a missing key would lose data.</summary>
    public static MirrorBatch<TRow> From<TWire, TRow>(
        IReadOnlyList<TWire>? wire, bool isSnapshot, Func<TWire, string> id, Func<TWire, bool> isDeleted,
        Func<TWire, DateTime, TRow> toRow, DateTime syncedAtUtc)
        where TRow : class
    {
        if (wire is null) return new(false, isSnapshot, [], []);
        // One final state per id, the last one sent wins: "updated, then deleted" in one answer is a deletion.
        var last = new Dictionary<string, TWire>(wire.Count);
        foreach (var w in wire) last[id(w)] = w;
        var upserts = new List<TRow>(last.Count);
        var deletes = new List<string>();
        foreach (var (key, w) in last)
        {
            // A snapshot holds active objects only; should one slip through as deleted, it is simply not kept.
            if (isDeleted(w)) deletes.Add(key);
            else upserts.Add(toRow(w, syncedAtUtc));
        }
        return new(true, isSnapshot, upserts, deletes);
    }
}
