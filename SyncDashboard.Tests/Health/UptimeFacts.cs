using SyncDashboard.Health;
using SyncDashboard.Slo;

namespace SyncDashboard.Tests.Health;

public sealed class UptimeFacts
{
    private static readonly DateTime Start = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = Start.AddHours(10);

    private static AttemptPoint Ok(double hour) => new(Start.AddHours(hour), true);
    private static AttemptPoint Fail(double hour) => new(Start.AddHours(hour), false);

    public static TheoryData<string, AttemptPoint[], double?> Table => new()
    {
        { "no attempts", [], null },
        { "only attempts after the window", [Ok(11)], null },
        { "only attempts at the window's end", [Fail(10)], null },
        { "success before the window, nothing since", [Ok(-5)], 1.0 },
        { "failure before the window, nothing since", [Fail(-5)], 0.0 },
        { "success at the start, failure at 5 h", [Ok(0), Fail(5)], 0.5 },
        { "failure before, recovery at 2 h", [Fail(-1), Ok(2)], 0.8 },
        { "down from 4 h to 5 h", [Ok(-1), Ok(3), Fail(4), Fail(4.5), Ok(5), Ok(9)], 0.9 },
        // Before the first attempt nothing is known: 8 h known, 2 of them down.
        { "first attempt inside the window", [Ok(2), Fail(8)], 0.75 },
        { "repeated successes change nothing", [Ok(-1), Ok(1), Ok(2), Ok(3)], 1.0 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Compute_CountsTheTimeFromAFailureToTheNextSuccessAsDown(string situation, AttemptPoint[] attempts, double? uptime)
    {
        var share = Uptime.Compute(attempts, Start, End);
        if (uptime is null) Assert.True(share is null, situation);
        else Assert.True(share is { } s && Math.Abs(s - uptime.Value) < 1e-9, $"{situation}: expected {uptime}, got {share}");
    }

    /// <summary>By hand: up from the start, down from 4 h to 6 h, of 10 h. Excluding 3 h to 5 h leaves 8 h known, of
    /// which 1 h down (5 h to 6 h): 7/8. A second range overlapping it (4.5 h to 5.5 h) is counted once: 7.5 h known,
    /// 0.5 h down.</summary>
    [Fact]
    public void Compute_LeavesExcludedTimeOutOfTheUpTimeAndTheWhole()
    {
        AttemptPoint[] attempts = [Ok(-1), Fail(4), Ok(6)];
        var maintenance = new TimeRange(Start.AddHours(3), Start.AddHours(5));

        Assert.Equal(0.8, Uptime.Compute(attempts, Start, End)!.Value, 9);
        Assert.Equal(7.0 / 8, Uptime.Compute(attempts, Start, End, [maintenance])!.Value, 9);
        Assert.Equal(7.0 / 7.5, Uptime.Compute(attempts, Start, End,
            [maintenance, new TimeRange(Start.AddHours(4.5), Start.AddHours(5.5))])!.Value, 9);
        Assert.Null(Uptime.Compute(attempts, Start, End, [new TimeRange(Start.AddHours(-1), End.AddHours(1))]));
    }

    [Fact]
    public void Compute_IsNull_ForAnEmptyWindow() => Assert.Null(Uptime.Compute([Ok(-1)], Start, Start));

    [Fact]
    public void Compute_Throws_WhenAttemptsAreOutOfOrder() =>
        Assert.Throws<ArgumentException>(() => Uptime.Compute([Ok(2), Fail(1)], Start, End));

    [Fact]
    public void Summarize_GivesTheDayWeekAndMonth()
    {
        var now = Start.AddDays(40);
        // Down for the 12 hours before the last day, and from 10 days ago to 9 days ago.
        AttemptPoint[] attempts =
        [
            new(now.AddDays(-35), true),
            new(now.AddDays(-10), false),
            new(now.AddDays(-9), true),
            new(now.AddHours(-36), false),
            new(now.AddHours(-24), true),
        ];

        var summary = Uptime.Summarize(attempts, now);

        Assert.Equal(1.0, summary.Last24Hours);
        Assert.Equal(1 - 12.0 / (7 * 24), summary.Last7Days!.Value, 9);
        Assert.Equal(1 - 36.0 / (30 * 24), summary.Last30Days!.Value, 9);
    }

    [Fact]
    public void Summarize_IsAllNulls_WithoutData() =>
        Assert.Equal(new UptimeSummary(null, null, null), Uptime.Summarize([], Start));
}
