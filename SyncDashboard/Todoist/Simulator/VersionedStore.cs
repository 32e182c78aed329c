using System.Diagnostics.CodeAnalysis;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>One resource type of the simulated account: the latest version of every object, tombstones included, each
/// stamped with the change sequence that last touched it. Objects are never removed, so iteration order (insertion
/// order) is stable and deterministic, and deletions can still be reported to incremental syncs.</summary>
internal sealed class VersionedStore<T>(Func<T, string> idOf) where T : class
{
    private readonly Dictionary<string, (T Value, long Sequence)> entries = new(StringComparer.Ordinal);

    public int Count => entries.Count;

    public IEnumerable<T> Values => entries.Values.Select(e => e.Value);

    public void Put(T value, long sequence) => entries[idOf(value)] = (value, sequence);

    public T Get(string id) => entries[id].Value;

    public bool TryGet(string id, [MaybeNullWhen(false)] out T value)
    {
        var found = entries.TryGetValue(id, out var entry);
        value = entry.Value;
        return found;
    }

    public IEnumerable<T> ChangedAfter(long sequence) =>
        entries.Values.Where(e => e.Sequence > sequence).Select(e => e.Value);
}
