using SyncDashboard.Alerts;
using SyncDashboard.Data;

namespace SyncDashboard.Tests.Alerts;

/// <summary>The flap control as a table. Each row is a run of evaluations one minute apart, written as tokens:
/// <c>H</c> Healthy, <c>D</c> Degraded, <c>U</c> Unhealthy, <c>?</c> Unknown, <c>+X</c> adds an open critical alert
/// with code X, a trailing <c>!</c> says every alert raised is acknowledged, <c>@n</c> lets n more minutes pass before
/// the next evaluation. The expectation lists what is sent,
/// as <c>index:Kind From&gt;To</c> (index of the evaluation that sends).</summary>
public sealed class FlapControlFacts
{
    private static readonly DateTime Start = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>N = 2, M = 2, no cooldown, no reminders: each row changes what it is about.</summary>
    private static readonly FlapPolicy Plain = new(2, 2, TimeSpan.Zero, TimeSpan.Zero);
    private static readonly FlapPolicy Cooldown10 = Plain with { Cooldown = TimeSpan.FromMinutes(10) };
    private static readonly FlapPolicy Reminder60 = Plain with { Reminder = TimeSpan.FromMinutes(60) };

    public static TheoryData<string, FlapPolicy, string, string[]> Table => new()
    {
        { "healthy says nothing", Plain, "H H H H", [] },
        { "a transition notifies once, after N", Plain, "H D D D D", ["2:StatusChanged Healthy>Degraded"] },
        { "N = 1 notifies at once", Plain with { BadAfter = 1 }, "D D", ["0:StatusChanged Healthy>Degraded"] },
        { "flapping below N says nothing", Plain, "D H D H D H D", [] },
        { "flapping below N = 3 says nothing", Plain with { BadAfter = 3 }, "D D H D D H U U H", [] },
        { "recovery after M", Plain, "D D H H H", ["1:StatusChanged Healthy>Degraded", "3:Recovered Degraded>Healthy"] },
        { "a flap below M is no recovery", Plain, "D D H D H D D",
            ["1:StatusChanged Healthy>Degraded"] },
        { "M = 3 waits for the third", Plain with { GoodAfter = 3 }, "U U H H H",
            ["1:StatusChanged Healthy>Unhealthy", "4:Recovered Unhealthy>Healthy"] },
        { "unknown is no evidence and resets nothing", Plain, "D ? D", ["2:StatusChanged Healthy>Degraded"] },
        { "unknown alone says nothing", Plain, "? ? ?", [] },
        { "degraded then worse", Plain, "D D U U", ["1:StatusChanged Healthy>Degraded", "2:StatusChanged Degraded>Unhealthy"] },
        { "unhealthy then better", Plain, "U U D", ["1:StatusChanged Healthy>Unhealthy", "2:StatusChanged Unhealthy>Degraded"] },
        // Cooldown: changes inside it are held and sent when it is over, if they still stand.
        { "cooldown holds a de-escalation", Cooldown10, "U U D D D", ["1:StatusChanged Healthy>Unhealthy"] },
        { "a held de-escalation goes out after the cooldown", Cooldown10, "U U D @10 D",
            ["1:StatusChanged Healthy>Unhealthy", "3:StatusChanged Unhealthy>Degraded"] },
        { "cooldown never holds an escalation to unhealthy", Cooldown10, "D D U",
            ["1:StatusChanged Healthy>Degraded", "2:StatusChanged Degraded>Unhealthy"] },
        { "cooldown holds a recovery until it is over", Cooldown10, "U U H H @10 H",
            ["1:StatusChanged Healthy>Unhealthy", "4:Recovered Unhealthy>Healthy"] },
        { "a held recovery that relapses is never sent", Cooldown10, "U U H H U U @10 U H",
            ["1:StatusChanged Healthy>Unhealthy"] },
        { "flapping between degraded and unhealthy costs one message per cooldown", Cooldown10, "D D U D U D U",
            ["1:StatusChanged Healthy>Degraded", "2:StatusChanged Degraded>Unhealthy"] },
        { "the first notification has no cooldown to wait for", Cooldown10, "D D", ["1:StatusChanged Healthy>Degraded"] },
        // Critical alerts.
        { "a critical alert opening under the same status is news", Plain, "U+F U+F U+F+C U+F+C",
            ["1:StatusChanged Healthy>Unhealthy", "2:CriticalAlert Unhealthy>Unhealthy"] },
        { "a new critical alert is not held by the cooldown", Cooldown10, "U+F U+F U+F+C",
            ["1:StatusChanged Healthy>Unhealthy", "2:CriticalAlert Unhealthy>Unhealthy"] },
        { "a critical alert that closed and opened again is news again", Plain, "U+C+F U+C+F U+F U+C+F",
            ["1:StatusChanged Healthy>Unhealthy", "3:CriticalAlert Unhealthy>Unhealthy"] },
        { "a critical alert waits for N like the status", Plain with { BadAfter = 3 }, "U+C U+C H U+C",
            [] },
        { "a new critical alert turns a held de-escalation urgent", Cooldown10, "U+F U+F D D+C",
            ["1:StatusChanged Healthy>Unhealthy", "3:StatusChanged Unhealthy>Degraded"] },
        // Reminders.
        { "no reminder before the interval", Reminder60, "U U @58 U", ["1:StatusChanged Healthy>Unhealthy"] },
        { "a reminder after the interval, then again after the next", Reminder60, "U U @59 U U @59 U",
            ["1:StatusChanged Healthy>Unhealthy", "2:Reminder Unhealthy>Unhealthy", "4:Reminder Unhealthy>Unhealthy"] },
        { "degraded is reminded too", Reminder60, "D D @59 D", ["1:StatusChanged Healthy>Degraded", "2:Reminder Degraded>Degraded"] },
        { "reminders off", Plain, "U U @600 U @600 U", ["1:StatusChanged Healthy>Unhealthy"] },
        { "no reminder once recovered", Reminder60, "U U H H @120 H", ["1:StatusChanged Healthy>Unhealthy", "3:Recovered Unhealthy>Healthy"] },
        // Acknowledgements hold back reminders, and nothing else.
        { "no reminder while every alert is acknowledged", Reminder60, "U U @59 U! @59 U! @120 U!",
            ["1:StatusChanged Healthy>Unhealthy"] },
        { "a reminder as soon as an alert is not acknowledged", Reminder60, "U U @59 U! U",
            ["1:StatusChanged Healthy>Unhealthy", "3:Reminder Unhealthy>Unhealthy"] },
        { "reminders again after an acknowledged alert cleared and came back, once it counts", Reminder60, "U U @59 U! H U U",
            ["1:StatusChanged Healthy>Unhealthy", "5:Reminder Unhealthy>Unhealthy"] },
        { "an acknowledgement never holds a change of status", Reminder60, "D D! U! U!",
            ["1:StatusChanged Healthy>Degraded", "2:StatusChanged Degraded>Unhealthy"] },
        { "an acknowledgement never holds a new critical alert", Reminder60, "U+F U+F! U+F+C!",
            ["1:StatusChanged Healthy>Unhealthy", "2:CriticalAlert Unhealthy>Unhealthy"] },
        { "an acknowledgement never holds the recovery", Reminder60, "U U! H H",
            ["1:StatusChanged Healthy>Unhealthy", "3:Recovered Unhealthy>Healthy"] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_SendsWhatTheTableSays(string situation, FlapPolicy policy, string evaluations, string[] expected)
    {
        var memory = AlertMemory.Initial;
        var now = Start;
        var sent = new List<string>();
        var index = 0;
        foreach (var token in evaluations.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith('@'))
            {
                now = now.AddMinutes(int.Parse(token[1..], System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }
            var (status, critical, acknowledged) = Parse(token);
            var decision = FlapControl.Decide(memory, status, critical, policy, now, acknowledged);
            if (decision.Notify is { } n) sent.Add($"{index}:{n.Kind} {n.From}>{n.To}");
            memory = decision.Memory;
            index++;
            now = now.AddMinutes(1);
        }
        Assert.True(expected.SequenceEqual(sent), $"{situation}: expected [{string.Join(", ", expected)}], sent [{string.Join(", ", sent)}]");
    }

    [Fact]
    public void Decide_KeepsCounting_WithoutOverflow()
    {
        var memory = AlertMemory.Initial with { ConsecutiveBad = int.MaxValue - 1 };
        for (var i = 0; i < 3; i++) memory = FlapControl.Decide(memory, HealthStatus.Degraded, [], Plain, Start).Memory;
        Assert.InRange(memory.ConsecutiveBad, Plain.BadAfter, int.MaxValue);
    }

    [Fact]
    public void Decide_RemembersWhatItAnnounced()
    {
        var memory = AlertMemory.Initial with { ConsecutiveBad = 1 };
        var decision = FlapControl.Decide(memory, HealthStatus.Unhealthy, ["Z", "A"], Plain, Start);

        Assert.Equal(new PlannedNotification(NotificationKind.StatusChanged, HealthStatus.Healthy, HealthStatus.Unhealthy), decision.Notify);
        Assert.Equal(HealthStatus.Unhealthy, decision.Memory.NotifiedStatus);
        Assert.Equal(Start, decision.Memory.LastSentUtc);
        Assert.Equal(["A", "Z"], decision.Memory.NotifiedCriticalCodes);
        Assert.Equal(2, decision.Memory.ConsecutiveBad);
    }

    /// <summary>A recovery says when the problem began (its first bad evaluation, here 12:02: the flap at 12:00 was
    /// never announced) and when the healthy streak that ended it began (12:06, not 12:07 when M = 2 was reached).</summary>
    [Fact]
    public void Decide_RecoveryCarriesWhenTheProblemBeganAndEnded()
    {
        var memory = AlertMemory.Initial;
        PlannedNotification? recovery = null;
        var now = Start;
        foreach (var status in new[] { "D", "H", "D", "U", "H", "U", "H", "H" })
        {
            var decision = FlapControl.Decide(memory, Parse(status).Status, [], Plain, now);
            memory = decision.Memory;
            if (decision.Notify is { Kind: NotificationKind.Recovered } sent) recovery = sent;
            now = now.AddMinutes(1);
        }

        Assert.NotNull(recovery);
        Assert.Equal((Start.AddMinutes(2), Start.AddMinutes(6)), (recovery.ProblemSinceUtc, recovery.ProblemEndedUtc));
        Assert.Null(memory.BadSinceUtc); // the next problem starts afresh
        Assert.Equal(Start.AddMinutes(6), memory.GoodSinceUtc);
    }

    private static (HealthStatus Status, string[] Critical, bool Acknowledged) Parse(string token)
    {
        var acknowledged = token.EndsWith('!');
        var parts = token.TrimEnd('!').Split('+');
        var status = parts[0] switch
        {
            "H" => HealthStatus.Healthy,
            "D" => HealthStatus.Degraded,
            "U" => HealthStatus.Unhealthy,
            "?" => HealthStatus.Unknown,
            _ => throw new ArgumentException($"Unknown token '{token}'."),
        };
        return (status, parts[1..], acknowledged);
    }
}
