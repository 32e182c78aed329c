using SyncDashboard.Data;

namespace SyncDashboard.Alerts;

/// <summary>Decides, from one health evaluation and the memory of the ones before, whether to notify. Pure: values in,
/// values out.
/// <list type="bullet">
/// <item>Bad = Degraded or Unhealthy. A bad status is announced after N consecutive bad evaluations, a recovery after
/// M consecutive Healthy ones; anything shorter is a flap and says nothing.</item>
/// <item>A change inside the cooldown after the last message is held (the memory keeps the old status) and goes out
/// with the first evaluation after the cooldown, if it still stands. Escalations to Unhealthy and new critical
/// alerts are never held: they need a human now.</item>
/// <item>A critical alert that opens while the announced status stays the same is announced on its own.</item>
/// <item>While bad, a reminder repeats the status every reminder interval (zero: never), unless every alert raised
/// has an acknowledgement standing: an acknowledgement holds back reminders and nothing else (a change of status, a
/// new critical alert and the recovery still go out). The interval still counts from the last message, so once an
/// alert is raised that nobody acknowledged, its reminder is due as soon as the interval has passed.</item>
/// <item>The memory keeps when the problem began (its first bad evaluation, announced or not yet) and when the
/// healthy streak that ends it began; the recovery carries both, so its message says how long the problem lasted.</item>
/// <item>Unknown (never ran) is no evidence either way: nothing changes.</item>
/// </list></summary>
public static class FlapControl
{
    private const int CountCap = 1_000_000;

    public static bool IsBad(HealthStatus status) => status is HealthStatus.Degraded or HealthStatus.Unhealthy;

    /// <param name="allAcknowledged">Every alert raised now has an acknowledgement standing.</param>
    public static FlapDecision Decide(
        AlertMemory memory, HealthStatus observed, IReadOnlyCollection<string> criticalCodes, FlapPolicy policy,
        DateTime nowUtc, bool allAcknowledged = false)
    {
        if (observed == HealthStatus.Unknown) return new FlapDecision(memory, null);
        var cooled = memory.LastSentUtc is not { } last || nowUtc - last >= policy.Cooldown;

        if (!IsBad(observed))
        {
            var good = memory with
            {
                ConsecutiveGood = Count(memory.ConsecutiveGood), ConsecutiveBad = 0,
                GoodSinceUtc = memory.GoodSinceUtc ?? nowUtc,
                // A bad streak never announced is over: the next bad evaluation begins a problem of its own.
                BadSinceUtc = memory.IsNotifiedBad ? memory.BadSinceUtc : null,
            };
            if (!(memory.IsNotifiedBad && good.ConsecutiveGood >= policy.GoodAfter && cooled)) return new FlapDecision(good, null);
            var recovery = new PlannedNotification(
                NotificationKind.Recovered, memory.NotifiedStatus, observed, memory.BadSinceUtc, good.GoodSinceUtc);
            return Send(good with { BadSinceUtc = null }, recovery, [], nowUtc);
        }

        // Announced critical alerts that closed are forgotten, so that one opening again is news again.
        var stillOpen = memory.NotifiedCriticalCodes.Where(criticalCodes.Contains).ToList();
        var bad = memory with
        {
            ConsecutiveBad = Count(memory.ConsecutiveBad), ConsecutiveGood = 0, NotifiedCriticalCodes = stillOpen,
            BadSinceUtc = memory.BadSinceUtc ?? nowUtc, GoodSinceUtc = null,
        };
        if (bad.ConsecutiveBad < policy.BadAfter) return new FlapDecision(bad, null);

        var newCritical = criticalCodes.Any(code => !stillOpen.Contains(code));
        if (observed != memory.NotifiedStatus)
        {
            var urgent = observed == HealthStatus.Unhealthy || newCritical;
            return urgent || cooled
                ? Send(bad, NotificationKind.StatusChanged, memory.NotifiedStatus, observed, criticalCodes, nowUtc)
                : new FlapDecision(bad, null);
        }
        if (newCritical)
        {
            return Send(bad, NotificationKind.CriticalAlert, memory.NotifiedStatus, observed, criticalCodes, nowUtc);
        }
        if (policy.Reminder > TimeSpan.Zero && !allAcknowledged && memory.LastSentUtc is { } sent &&
            nowUtc - sent >= policy.Reminder)
        {
            return Send(bad, NotificationKind.Reminder, memory.NotifiedStatus, observed, criticalCodes, nowUtc);
        }
        return new FlapDecision(bad, null);
    }

    private static FlapDecision Send(
        AlertMemory memory, NotificationKind kind, HealthStatus from, HealthStatus to,
        IReadOnlyCollection<string> criticalCodes, DateTime nowUtc) =>
        Send(memory, new PlannedNotification(kind, from, to), criticalCodes, nowUtc);

    private static FlapDecision Send(
        AlertMemory memory, PlannedNotification planned, IReadOnlyCollection<string> criticalCodes, DateTime nowUtc) =>
        new(memory with
            {
                NotifiedStatus = planned.To,
                LastSentUtc = nowUtc,
                NotifiedCriticalCodes = criticalCodes.Order(StringComparer.Ordinal).ToList(),
            },
            planned);

    private static int Count(int count) => Math.Min(count + 1, CountCap);
}
