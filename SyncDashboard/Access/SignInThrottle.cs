using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>Limits on guessing passwords, beside the per-address rate limit (<see cref="SignInRateLimit"/>). Failures
/// are counted per name and address: <c>Access:MaxFailedSignIns</c> of them refuse that name to that address for
/// <c>Access:LockoutMinutes</c>, so someone else's guesses never lock the real user out. They are also counted per name
/// over all addresses: past <c>Access:NameBackoffAfter</c>, attempts at that name take turns
/// <c>Access:NameBackoffSeconds</c> apart, which slows guessing from many addresses and still lets the real user in.
/// Names are counted whether or not they exist, so a refusal tells nothing. In memory, per node: it slows guessing,
/// it is not an audit.</summary>
public sealed class SignInThrottle(IOptions<AccessOptions> options, TimeProvider time)
{
    /// <summary>Entries kept at most per table; beyond it the ones whose window has passed are dropped.</summary>
    private const int MaxTracked = 10_000;

    private readonly Dictionary<(string Name, string Address), FailureWindow> byNameAndAddress = new(KeyComparer.Instance);
    private readonly Dictionary<string, NameTurns> byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    /// <summary>A run of failures that started at <see cref="Start"/>; it ends a window after its first failure.</summary>
    private readonly record struct FailureWindow(int Count, DateTimeOffset Start)
    {
        public int CountAt(DateTimeOffset now, TimeSpan window) => now - Start < window ? Count : 0;

        public FailureWindow Add(DateTimeOffset now, TimeSpan window) =>
            now - Start < window ? this with { Count = Count + 1 } : new(1, now);
    }

    /// <summary>A name's failures from everywhere, and the earliest time the next attempt at it may be checked.</summary>
    private readonly record struct NameTurns(FailureWindow Failures, DateTimeOffset NextTurn);

    /// <summary>Asks to check a password for <paramref name="name"/> from <paramref name="address"/>: null when the
    /// attempt is refused (answer it as a failed sign-in without checking), otherwise how long to wait first.</summary>
    public TimeSpan? Enter(string name, string address)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var window = Window;
        name = Key(name);
        lock (gate)
        {
            if (byNameAndAddress.TryGetValue((name, address), out var local)
                && local.CountAt(now, window) >= settings.MaxFailedSignIns)
            {
                return null;
            }
            if (!byName.TryGetValue(name, out var turns)
                || turns.Failures.CountAt(now, window) < settings.NameBackoffAfter)
            {
                return TimeSpan.Zero;
            }
            var (wait, next) = NextTurn(now, turns.NextTurn, TimeSpan.FromSeconds(settings.NameBackoffSeconds),
                TimeSpan.FromSeconds(settings.MaxSignInWaitSeconds));
            if (wait is null) return null;
            byName[name] = turns with { NextTurn = next };
            return wait;
        }
    }

    /// <summary>When an attempt at a backed-off name is checked: at the name's next free turn, which then moves one
    /// <paramref name="spacing"/> on. A turn further away than <paramref name="maxWait"/> is not taken (null).</summary>
    public static (TimeSpan? Wait, DateTimeOffset NextTurn) NextTurn(
        DateTimeOffset now, DateTimeOffset nextTurn, TimeSpan spacing, TimeSpan maxWait)
    {
        var turn = nextTurn > now ? nextTurn : now;
        var wait = turn - now;
        return wait > maxWait ? (null, nextTurn) : (wait, turn + spacing);
    }

    public void RecordFailure(string name, string address)
    {
        var now = time.GetUtcNow();
        var window = Window;
        name = Key(name);
        lock (gate)
        {
            byNameAndAddress.TryGetValue((name, address), out var local);
            byNameAndAddress[(name, address)] = local.Add(now, window);
            byName.TryGetValue(name, out var turns);
            byName[name] = turns with { Failures = turns.Failures.Add(now, window) };
            if (byNameAndAddress.Count > MaxTracked) Forget(byNameAndAddress, w => w.CountAt(now, window) == 0);
            if (byName.Count > MaxTracked) Forget(byName, t => t.Failures.CountAt(now, window) == 0 && t.NextTurn <= now);
        }
    }

    /// <summary>The right password from an address clears that address's count for the name. The name's count over all
    /// addresses stays: a guesser elsewhere is not let off because the real user signed in.</summary>
    public void RecordSuccess(string name, string address)
    {
        lock (gate) byNameAndAddress.Remove((Key(name), address));
    }

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.LockoutMinutes);

    private static string Key(string name) => name.Trim();

    private static void Forget<TKey, TValue>(Dictionary<TKey, TValue> table, Func<TValue, bool> stale) where TKey : notnull
    {
        foreach (var key in table.Where(e => stale(e.Value)).Select(e => e.Key).ToList()) table.Remove(key);
    }

    private sealed class KeyComparer : IEqualityComparer<(string Name, string Address)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string Name, string Address) x, (string Name, string Address) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Name, y.Name) && x.Address == y.Address;

        public int GetHashCode((string Name, string Address) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name), key.Address);
    }
}
