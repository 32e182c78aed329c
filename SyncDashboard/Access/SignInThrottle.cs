using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>Refuses a name for a while after repeated failed sign-ins, whether or not the name exists (so the
/// refusal tells nothing). In memory, per node: it slows guessing, it is not an audit.</summary>
public sealed class SignInThrottle(IOptions<AccessOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Failures> failures = new(StringComparer.OrdinalIgnoreCase);

    private sealed record Failures(int Count, DateTimeOffset WindowStart);

    public bool IsLockedOut(string name)
    {
        var now = time.GetUtcNow();
        return failures.TryGetValue(Key(name), out var f) && f.Count >= options.Value.MaxFailedSignIns
            && now - f.WindowStart < Window;
    }

    public void RecordFailure(string name)
    {
        var now = time.GetUtcNow();
        failures.AddOrUpdate(Key(name), _ => new Failures(1, now),
            (_, f) => now - f.WindowStart >= Window ? new Failures(1, now) : f with { Count = f.Count + 1 });
        // Bounded: names nobody uses any more are dropped once their window has passed.
        if (failures.Count > 10_000)
        {
            foreach (var (key, f) in failures)
            {
                if (now - f.WindowStart >= Window) failures.TryRemove(key, out _);
            }
        }
    }

    public void RecordSuccess(string name) => failures.TryRemove(Key(name), out _);

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.LockoutMinutes);

    private static string Key(string name) => name.Trim();
}
