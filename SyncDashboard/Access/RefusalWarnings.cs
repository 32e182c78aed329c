using System.Collections.Concurrent;

namespace SyncDashboard.Access;

/// <summary>Refusals anyone can cause at will (a cross-origin post, a throttled sign-in) are logged as a warning at
/// most once per <see cref="Interval"/> per kind and address, and at Debug otherwise, so a flood cannot flood the
/// logs while the first refusal is always seen.</summary>
public sealed class RefusalWarnings(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> warned = new();

    public LogLevel LevelFor(string kind, string address)
    {
        var key = kind + " " + address;
        var now = time.GetUtcNow();
        if (warned.TryGetValue(key, out var last) && now - last < Interval) return LogLevel.Debug;
        if (warned.Count >= MaxTracked)
        {
            foreach (var (stale, at) in warned)
            {
                if (now - at >= Interval) warned.TryRemove(stale, out _);
            }
            if (warned.Count >= MaxTracked) warned.Clear();
        }
        warned[key] = now;
        return LogLevel.Warning;
    }
}
