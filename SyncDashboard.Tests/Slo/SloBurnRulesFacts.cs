using SyncDashboard.Slo;

namespace SyncDashboard.Tests.Slo;

public sealed class SloBurnRulesFacts
{
    private static readonly DateTime T0 = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly SloObjective Success = new() { Name = "success", Kind = SloKind.Success, Target = 0.99, WindowDays = 30 };

    /// <summary>An attempt ending every minute from minute −200 on; those ending at minutes 1 to 10 failed.</summary>
    private static SloHistory TenFailedMinutes(int untilMinute) => new(
        Enumerable.Range(-200, untilMinute + 201).Select(m => new SloAttempt(T0.AddMinutes(m), m is < 1 or > 10)).ToList(),
        T0.AddMinutes(-200));

    private static BurnSeverity? FiringAt(int minute)
    {
        var now = T0.AddMinutes(minute);
        var rules = SloOptions.DefaultBurnRateRules;
        var status = SloCalculator.Evaluate(Success, TenFailedMinutes(minute), now, [], SloBurnRules.Windows(rules));
        return SloBurnRules.Find(status, rules)?.Severity;
    }

    /// <summary>By hand, with the default rules at 99 %: the page at 14.4× over 1 h and 5 min needs ≥ 8.64 of the
    /// hour's 60 attempts bad (9, at minute 9) and one of the last 5; the last failure (minute 10) leaves the
    /// 5-minute window at minute 15. The 6× rule would need 21.6 of 360 bad: never. The ticket at 1× over 3 days and
    /// 6 h needs ≥ 1 % bad over both: at minute m ≤ 10 both hold all m + 201 attempts, m of them bad, so from m = 3
    /// (99 m ≥ 201); later the 6 hours hold 360 attempts and need 4 bad, the failures of minutes 7 to 10 at minute
    /// 366, 3 at minute 367. The page outranks the ticket while both fire.</summary>
    [Theory]
    [InlineData(0, null)]
    [InlineData(2, null)]
    [InlineData(3, BurnSeverity.Ticket)]
    [InlineData(8, BurnSeverity.Ticket)]
    [InlineData(9, BurnSeverity.Page)]
    [InlineData(14, BurnSeverity.Page)]
    [InlineData(15, BurnSeverity.Ticket)]
    [InlineData(366, BurnSeverity.Ticket)]
    [InlineData(367, null)]
    public void Find_FiresAndRecovers_AtTheComputedMinutes(int minute, BurnSeverity? expected)
    {
        Assert.Equal(expected, FiringAt(minute));
    }

    [Fact]
    public void Find_GivesBothWindowsRates_OfTheFiringRule()
    {
        var now = T0.AddMinutes(10);
        var rules = SloOptions.DefaultBurnRateRules;
        var status = SloCalculator.Evaluate(Success, TenFailedMinutes(10), now, [], SloBurnRules.Windows(rules));

        var finding = Assert.IsType<SloBurnFinding>(SloBurnRules.Find(status, rules));

        // 10 of the hour's 60 bad: 1/6 ÷ 0.01; all 5 of the last 5 minutes bad: 1 ÷ 0.01.
        Assert.Equal((BurnSeverity.Page, 14.4, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)),
            (finding.Severity, finding.Threshold, finding.LongWindow, finding.ShortWindow));
        Assert.Equal(100.0 / 6, finding.LongRate, 9);
        Assert.Equal(100, finding.ShortRate, 9);
    }

    [Fact]
    public void Find_FiresAtExactlyTheRate_DespiteRounding()
    {
        // 144 of 1000 bad is exactly 14.4× at 99 %, though 0.144 / (1 − 0.99) is 14.3999… in doubles.
        var attempts = Enumerable.Range(0, 1000).Select(i => new SloAttempt(T0.AddSeconds(-i), i >= 144)).ToList();
        var rule = new BurnRateRule { BurnRate = 14.4, LongWindowMinutes = 60, ShortWindowMinutes = 60 };
        var status = SloCalculator.Evaluate(Success, new SloHistory(attempts, T0.AddHours(-1)), T0, [], [rule.LongWindow]);

        Assert.NotNull(SloBurnRules.Find(status, [rule]));
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Find_FiresOnASuccessObjective_OnlyFromTheMinimumAttempts(int attempts, bool fires)
    {
        // All failed: a burn of 100× over both windows, on too few attempts or just enough.
        var history = new SloHistory(Enumerable.Range(0, attempts).Select(i => new SloAttempt(T0.AddMinutes(-i), false)).ToList(), T0.AddHours(-1));
        var rules = SloOptions.DefaultBurnRateRules;
        var status = SloCalculator.Evaluate(Success, history, T0, [], SloBurnRules.Windows(rules));

        Assert.Equal(fires, SloBurnRules.Find(status, rules, minAttempts: 4) is not null);
    }

    [Fact]
    public void Find_NeverFires_OnAWindowWithNothingMeasured()
    {
        var rules = SloOptions.DefaultBurnRateRules;
        var status = SloCalculator.Evaluate(Success, SloHistory.Empty, T0, [], SloBurnRules.Windows(rules));

        Assert.Null(SloBurnRules.Find(status, rules));
    }
}
