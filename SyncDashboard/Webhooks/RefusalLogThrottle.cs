using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Webhooks;

/// <summary>Refused webhook requests are logged as a warning at most once per <see cref="Interval"/> per address and
/// at Debug otherwise, so a flood cannot flood the logs. Counts in the database stay exact.</summary>
public sealed class RefusalLogThrottle(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    /// <summary>Addresses remembered at most; beyond it the stale ones are forgotten (or all, when none is stale).</summary>
    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> warned = new();

    public LogLevel LevelFor(string remote)
    {
        var now = time.GetUtcNow();
        if (warned.TryGetValue(remote, out var last) && now - last < Interval) return LogLevel.Debug;
        if (warned.Count >= MaxTracked) Forget(now);
        warned[remote] = now;
        return LogLevel.Warning;
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (remote, at) in warned)
        {
            if (now - at >= Interval) warned.TryRemove(remote, out _);
        }
        if (warned.Count >= MaxTracked) warned.Clear();
    }
}
