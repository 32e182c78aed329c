using SyncDashboard.Slo;

namespace SyncDashboard.Tests.Slo;

/// <summary>The calculator against numbers worked out by hand (each table says how).</summary>
public sealed class SloCalculatorFacts
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private const int Precision = 9;

    private static DateTime Ago(double minutes) => Now.AddMinutes(-minutes);

    private static SloObjective Success(double target = 0.99, int days = 1) =>
        new() { Name = "success", Kind = SloKind.Success, Target = target, WindowDays = days };

    private static SloObjective Freshness(double target = 0.995, int days = 1, double thresholdMinutes = 15) =>
        new() { Name = "freshness", Kind = SloKind.Freshness, Target = target, WindowDays = days, FreshnessThresholdMinutes = thresholdMinutes };

    /// <summary>An attempt every 10 minutes, the newest now (k = 0) and the oldest exactly 24 h ago (k = 144, on the
    /// window's open start, so outside it); k = 0, 1, 30 and 100 failed.</summary>
    private static SloHistory TenMinuteAttempts()
    {
        int[] failed = [0, 1, 30, 100];
        var attempts = Enumerable.Range(0, 145).Select(k => new SloAttempt(Ago(10 * k), !failed.Contains(k))).ToList();
        return new SloHistory(attempts, Ago(1440));
    }

    /// <summary>Successes ended 1445, 1420, 1000, 990, 300 and 10 minutes ago; the first attempt ever 2 days ago.</summary>
    private static SloHistory SparseSuccesses() =>
        new([.. new[] { 1445, 1420, 1000, 990, 300, 10 }.Select(m => new SloAttempt(Ago(m), true)), new SloAttempt(Ago(500), false)],
            Ago(2880));

    [Fact]
    public void Evaluate_Success_MatchesTheHandComputedTable()
    {
        var status = SloCalculator.Evaluate(Success(), TenMinuteAttempts(), Now, [], SloCalculator.StandardBurnWindows);

        // 144 attempts in (now − 24 h, now], 4 failed: 140 / 144.
        Assert.Equal(new SloTally(140, 4), status.Window);
        Assert.Equal(140.0 / 144, status.Attainment!.Value, Precision);
        Assert.False(status.Met);
        // Allowed 1 % of 144 = 1.44 attempts, spent 4, remaining −2.56.
        Assert.Equal(1.44, status.Budget.Allowed, Precision);
        Assert.Equal(4, status.Budget.Spent);
        Assert.Equal(-2.56, status.Budget.Remaining, Precision);
        // Burn = bad share ÷ 0.01: 5 min 1/1, 30 min 2/3, 1 h 2/6, 6 h 3/36, 24 h 4/144, 3 d 4/145 (k = 144 counts).
        double[] expected = [100, 200.0 / 3, 100.0 / 3, 100.0 / 12, 400.0 / 144, 400.0 / 145];
        Assert.Equal(SloCalculator.StandardBurnWindows, status.BurnRates.Select(b => b.Window));
        Assert.All(expected.Zip(status.BurnRates), pair => Assert.Equal(pair.First, pair.Second.Rate!.Value, Precision));
    }

    [Fact]
    public void Evaluate_Freshness_MatchesTheHandComputedTable()
    {
        var status = SloCalculator.Evaluate(Freshness(), SparseSuccesses(), Now, [], SloCalculator.StandardBurnWindows);

        // Stale (threshold 15 min) in the last 1440 min: 1430→1420 (10), 1405→1000 (405), 975→300 (675),
        // 285→10 (275); 1000→990 and after 10 are fresh. 1365 stale, 75 fresh. The failure changes nothing.
        Assert.Equal(new SloTally(75, 1365), status.Window);
        Assert.Equal(75.0 / 1440, status.Attainment!.Value, Precision);
        // Allowed 0.5 % of 1440 min = 7.2 min; spent 1365; remaining −1357.8.
        Assert.Equal(7.2, status.Budget.Allowed, Precision);
        Assert.Equal(1365, status.Budget.Spent, Precision);
        Assert.Equal(-1357.8, status.Budget.Remaining, Precision);
        // Burn = stale share ÷ 0.005. 5 min: 0. 30 min: 30→10 stale, 20/30. 1 h: 50/60. 6 h: 360→300 and 285→10,
        // 335/360. 24 h: 1365/1440. 3 d: clipped to the 2 days of history, the 1435 min before the first success
        // stale too: 2800/2880.
        double[] expected = [0, 20.0 / 30 / 0.005, 50.0 / 60 / 0.005, 335.0 / 360 / 0.005, 1365.0 / 1440 / 0.005, 2800.0 / 2880 / 0.005];
        Assert.All(expected.Zip(status.BurnRates), pair => Assert.Equal(pair.First, pair.Second.Rate!.Value, Precision));
    }

    [Fact]
    public void Measure_LeavesOutExcludedTime_CountingOverlapsOnce()
    {
        // 980→500 and 600→300 minutes ago overlap: together 980→300 (680 min) are excluded, of which 975→300 (675)
        // were stale; the attempt at 500 min ended inside them.
        TimeRange[] excluded = [new(Ago(980), Ago(500)), new(Ago(600), Ago(300))];
        var span = new TimeRange(Ago(1440), Now);

        Assert.Equal(new SloTally(1440 - 680 - 690, 690), SloCalculator.Measure(Freshness(), SparseSuccesses(), span, excluded));
        Assert.Equal(new SloTally(5, 0), SloCalculator.Measure(Success(), SparseSuccesses(), span, excluded));
    }

    [Fact]
    public void Measure_LeavesOutAnAttempt_ThatEndedInsideAnExcludedRange()
    {
        // k = 30 (300 min ago) failed; the range [305, 295) min ago excludes it, and only it.
        var status = SloCalculator.Evaluate(Success(), TenMinuteAttempts(), Now, [new TimeRange(Ago(305), Ago(295))], []);

        Assert.Equal(new SloTally(140, 3), status.Window);
    }

    [Fact]
    public void Evaluate_HasNoAttainmentNorBurnRate_WhenNothingRan()
    {
        foreach (var objective in new[] { Success(), Freshness() })
        {
            var status = SloCalculator.Evaluate(objective, SloHistory.Empty, Now, [], SloCalculator.StandardBurnWindows);

            Assert.Equal(new SloTally(0, 0), status.Window);
            Assert.Null(status.Attainment);
            Assert.Null(status.Met);
            Assert.Equal(new SloBudget(0, 0, 0), status.Budget);
            Assert.Null(status.Budget.RemainingShare);
            Assert.All(status.BurnRates, b => Assert.Null(b.Rate));
        }
    }

    [Fact]
    public void Evaluate_CountsAllTimeStale_WhenNoSyncEverSucceeded()
    {
        // Three failures, the first 100 minutes ago: 100 minutes of history, all without data.
        var history = new SloHistory([new(Ago(100), false), new(Ago(50), false), new(Ago(1), false)], Ago(100));

        var freshness = SloCalculator.Evaluate(Freshness(), history, Now, [], [FiveMinutes]);
        var success = SloCalculator.Evaluate(Success(), history, Now, [], [FiveMinutes]);

        Assert.Equal(new SloTally(0, 100), freshness.Window);
        Assert.Equal(0, freshness.Attainment);
        Assert.Equal(1 / 0.005, freshness.BurnRates.Single().Rate!.Value, Precision);
        Assert.Equal(new SloTally(0, 3), success.Window);
        Assert.Equal(1 / 0.01, success.BurnRates.Single().Rate!.Value, Precision);
    }

    [Fact]
    public void Evaluate_MeasuresOnlyTheHistory_WhenTheWindowIsLongerThanIt()
    {
        // A 30-day objective over the 2 days of history: 2880 min, of which 2800 stale (see the table above).
        var status = SloCalculator.Evaluate(Freshness(days: 30), SparseSuccesses(), Now, [], []);

        Assert.Equal(new SloTally(80, 2800), status.Window);
        Assert.Equal(0.005 * 2880, status.Budget.Allowed, Precision);
    }

    [Theory]
    [InlineData(0, 0)]   // 15 min apart: exactly at the threshold all along, fresh
    [InlineData(1, 1)]   // one second later: one second stale
    public void Measure_CountsTheThresholdItselfAsFresh(int secondsLate, int staleSeconds)
    {
        // Successes 45, 30, 15 min ago and now (the last ones each later by secondsLate); 30 minutes measured.
        var history = new SloHistory(
            [new(Ago(45), true), new(Ago(30), true), new(Ago(15).AddSeconds(secondsLate), true), new(Now.AddSeconds(secondsLate), true)],
            Ago(45));
        var span = new TimeRange(Ago(30), Now);

        var tally = SloCalculator.Measure(Freshness(), history, span, []);

        Assert.Equal(TimeSpan.FromSeconds(staleSeconds).TotalMinutes, tally.Bad, Precision);
        Assert.Equal(30, tally.Total, Precision);
    }

    [Fact]
    public void Measure_CountsAnAttemptOnTheWindowsEnd_NotOneOnItsStart()
    {
        var history = new SloHistory([new(Ago(60), false), new(Now, false)], Ago(60));

        Assert.Equal(new SloTally(0, 1), SloCalculator.Measure(Success(), history, new TimeRange(Ago(60), Now), []));
    }
    /// <summary>SparseSuccesses over the day, 15-minute threshold: the success 1445 minutes ago is fresh until 1430, so
    /// stale 1430→1420, 1405→1000, 975→300 and 285→10 minutes ago. 980→300 excluded removes the third; 1200→1100
    /// excluded splits the second in two.</summary>
    [Fact]
    public void StalePeriods_AreTheStaleStretches_CutByExcludedTime()
    {
        TimeRange[] excluded = [new(Ago(980), Ago(500)), new(Ago(600), Ago(300)), new(Ago(1200), Ago(1100))];

        var periods = SloCalculator.StalePeriods(Freshness(), SparseSuccesses(), new TimeRange(Ago(1440), Now), excluded);

        Assert.Equal(
            [new(Ago(1430), Ago(1420)), new(Ago(1405), Ago(1200)), new(Ago(1100), Ago(1000)), new TimeRange(Ago(285), Ago(10))],
            periods);
        Assert.Empty(SloCalculator.StalePeriods(Success(), SparseSuccesses(), new TimeRange(Ago(1440), Now), []));
    }

    /// <summary>TenMinuteAttempts, 4 steps over the day: allowed 1 % of 144 = 1.44; the failure 1000 minutes ago is spent
    /// by 720 minutes ago (0.44 left), the ones 300, 10 and 0 minutes ago by now (−2.56).</summary>
    /// <summary>The burn-down is found in one pass; each point must still be what measuring the span from the window's
    /// start to that moment gives, for random histories with gaps, failures and excluded ranges, for both kinds.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void BurnDown_EqualsMeasuringEachSpan_ForRandomHistories(int seed)
    {
        var random = new Random(seed);
        var attempts = new List<SloAttempt>();
        for (var at = Ago(26 * 60); at < Now; at = at.AddMinutes(1 + random.Next(random.Next(10) == 0 ? 90 : 12)))
        {
            attempts.Add(new SloAttempt(at, random.Next(6) != 0));
        }
        var history = new SloHistory(attempts, attempts[0].EndUtc);
        var excluded = new List<TimeRange> { new(Ago(600), Ago(540)), new(Ago(570), Ago(500)), new(Ago(90), Ago(75)) };
        foreach (var objective in new[] { Success(), Freshness() })
        {
            var points = SloCalculator.BurnDown(objective, history, Now, excluded, steps: 48);
            var allowed = SloCalculator.Measure(objective, history, new TimeRange(Now - objective.Window, Now), excluded).Total *
                          objective.BadShareAllowed;
            foreach (var point in points)
            {
                var spent = SloCalculator.Measure(objective, history, new TimeRange(Now - objective.Window, point.AtUtc), excluded).Bad;
                Assert.Equal(allowed - spent, point.Remaining, 9);
            }
        }
    }

    [Fact]
    public void BurnDown_SpendsTheBudgetWhereTheFailuresEnded()
    {
        var points = SloCalculator.BurnDown(Success(), TenMinuteAttempts(), Now, [], steps: 4);

        Assert.Equal([Ago(1440), Ago(1080), Ago(720), Ago(360), Now], points.Select(p => p.AtUtc));
        Assert.Equal([1.44, 1.44, 0.44, 0.44, -2.56], points.Select(p => Math.Round(p.Remaining, 9)));
    }
}
