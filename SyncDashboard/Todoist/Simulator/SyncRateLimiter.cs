namespace SyncDashboard.Todoist.Simulator;

/// <summary>Todoist's per-user limits: so many full and so many incremental syncs in a sliding window. Not
/// thread-safe: <see cref="TodoistSimulator"/> owns the lock.</summary>
internal sealed class SyncRateLimiter(TimeSpan window)
{
    private readonly Dictionary<(string Token, bool Full), Queue<DateTimeOffset>> calls = new();

    /// <summary>Counts the call and returns null, or returns the whole seconds until the oldest call in the window
    /// leaves it (at least 1) without counting it: a refused call does not use up the allowance.</summary>
    public int? TryAcquire(string token, bool full, int limit, DateTimeOffset now)
    {
        if (!calls.TryGetValue((token, full), out var recent))
        {
            calls[(token, full)] = recent = new Queue<DateTimeOffset>();
        }
        while (recent.Count > 0 && recent.Peek() + window <= now)
        {
            recent.Dequeue();
        }
        if (recent.Count >= limit)
        {
            var wait = recent.Peek() + window - now;
            return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        }
        recent.Enqueue(now);
        return null;
    }
}
