using System.Collections.Concurrent;
using System.Reflection;

namespace SyncDashboard.Sync.Verification;

/// <summary>Whether two mirror rows of one type hold the same content: every mirrored field, except when the row was
/// written (<c>SyncedAtUtc</c>), which says nothing about Todoist. Times are compared by their instant.</summary>
public static class MirrorRowEquality
{
    private const string WrittenAt = "SyncedAtUtc";
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Fields = new();

    public static bool Same<TRow>(TRow a, TRow b) where TRow : class => FirstDifference(a, b) is null;

    /// <summary>The first field that differs, or null: what a drift report's log line names.</summary>
    public static string? FirstDifference<TRow>(TRow a, TRow b) where TRow : class
    {
        foreach (var field in Fields.GetOrAdd(typeof(TRow), FieldsOf))
        {
            if (!SameValue(field.GetValue(a), field.GetValue(b))) return field.Name;
        }
        return null;
    }

    private static PropertyInfo[] FieldsOf(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p is { CanRead: true, CanWrite: true } && p.Name != WrittenAt)
        .ToArray();

    private static bool SameValue(object? a, object? b) => (a, b) switch
    {
        (DateTime x, DateTime y) => x.Ticks == y.Ticks,
        _ => Equals(a, b),
    };
}
