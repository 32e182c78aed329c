using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Maintenance;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Monitoring.Retention;
using SyncDashboard.Slo;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Monitoring.Queries;

/// <summary>The done-when test of the objectives: a generated month of known failures and stale periods, measured
/// with every raw event stored, then again after retention purged most of them (the objectives read the rollups' attempt
/// logs either way; "what spent the budget" names the chains of the events still stored), with the
/// same numbers each time, all worked out by hand below.</summary>
/// <remarks>
/// <para>The month: November 2026. A scheduled run ends every 10 minutes, at 00:00, 00:10, … from Nov 1 00:00 to Dec 1
/// 00:00 (k = 0 … 4320), each started 30 s before it ended (so the run ending on the hour started in the hour before:
/// every hour has a run that crosses into it). All succeed except:</para>
/// <list type="bullet">
/// <item>F1, Nov 5: the six runs ending 10:10 … 11:00 fail (one failure chain). Last success 10:00, next 11:10: stale
/// from 10:15 (15 minutes after 10:00) to 11:10, 55 minutes.</item>
/// <item>S1, Nov 12: the scheduler stopped: no run ends 14:10 … 16:00 (12 runs missing, nothing failed). Last success
/// 14:00, next 16:10: stale 14:15 → 16:10, 115 minutes.</item>
/// <item>L, Nov 15: a run that lost its lease, ending 12:05: not counted, by the events or by the rollups.</item>
/// <item>F2, Nov 20: 03:10 and 03:20 fail. Stale 03:15 → 03:30, 15 minutes.</item>
/// <item>F4, Nov 25: 08:10 … 08:50 fail (5), inside [08:00, 09:00), the hour of a maintenance window on a schedule
/// that leaves its time out of the objectives (checked with and without it). Stale 08:15 → 09:00, 45 minutes, all
/// excluded; the success ending 08:00 is excluded too (a window includes its start), the one ending 09:00 is not.</item>
/// <item>F3, Nov 30: 23:30 and 23:50 fail. Stale 23:35 → 23:40 and 23:55 → 00:00 (the 20-minute gaps between the
/// successes at 23:20, 23:40 and 00:00), 10 minutes.</item>
/// </list>
/// <para>Objectives: success 99 %, freshness 99.5 % with a 15-minute threshold, both over 30 days, measured at
/// Dec 1 00:00: the window is (Nov 1 00:00, Dec 1 00:00], exactly the history (it began with the run ending Nov 1 00:00).</para>
/// </remarks>
public sealed class SloMonthFacts
{
    private const string Service = ServiceName.Todoist;
    private static readonly DateTime MonthStart = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly SloObjective Success = new() { Name = "success", Kind = SloKind.Success, Target = 0.99, WindowDays = 30 };
    private static readonly SloObjective Freshness = new()
    {
        Name = "freshness", Kind = SloKind.Freshness, Target = 0.995, WindowDays = 30, FreshnessThresholdMinutes = 15,
    };

    private static DateTime At(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>Attempts and minutes at Dec 1 00:00, without the excluded range (what <c>GET /api/monitoring/slo</c> says).
    /// Success: 4321 runs end in the month; the one ending Nov 1 00:00 is the window's open start, and S1 took 12:
    /// 4308 attempts; failed 6 + 2 + 5 + 2 = 15, so 4293 good; attainment 4293 ÷ 4308 = 0.99652 (met); allowed
    /// 1 % of 4308 = 43.08, remaining 43.08 − 15 = 28.08.
    /// Freshness: 30 × 1440 = 43,200 minutes; stale 55 + 115 + 15 + 45 + 10 = 240, fresh 42,960; attainment
    /// 42,960 ÷ 43,200 = 0.99444 (missed); allowed 0.5 % of 43,200 = 216, remaining 216 − 240 = −24.</summary>
    private static readonly (string Name, double Good, double Bad, double Attainment, bool Met, double Allowed, double Remaining)[] Month =
    [
        ("success", 4293, 15, 4293.0 / 4308, true, 43.08, 28.08),
        ("freshness", 42_960, 240, 42_960.0 / 43_200, false, 216, -24),
    ];

    /// <summary>The same with [Nov 25 08:00, 09:00) excluded. Success: the 08:00 success and F4's 5 failures drop out:
    /// 4302 attempts, 10 failed, 4292 good; 4292 ÷ 4302 = 0.99768; allowed 43.02, remaining 33.02.
    /// Freshness: 60 minutes fewer measured (43,140), 45 of them stale: 195 stale, 42,945 fresh; 42,945 ÷ 43,140 =
    /// 0.99548 (now met); allowed 0.5 % of 43,140 = 215.7, remaining 215.7 − 195 = 20.7.</summary>
    private static readonly (string Name, double Good, double Bad, double Attainment, bool Met, double Allowed, double Remaining)[] MonthExcluding =
    [
        ("success", 4292, 10, 4292.0 / 4302, true, 43.02, 33.02),
        ("freshness", 42_945, 195, 42_945.0 / 43_140, true, 215.7, 20.7),
    ];

    /// <summary>Burn rates at Dec 1 00:00 over 5 min, 30 min, 1 h, 6 h, 24 h and 3 days (the excluded range is 5 days
    /// back, outside them all, so they are the same with it). Success (1 % allowed), runs ending in (now − W, now]:
    /// 5 min: 00:00 only, none failed: 0. 30 min: 23:40, 23:50 (F), 00:00: (1/3) ÷ 0.01 = 33.33. 1 h: 6 runs, 2 failed
    /// (F3): 33.33. 6 h: 2 of 36: 5.556. 24 h: 2 of 144: 1.389. 3 days: 2 of 432: 0.463.
    /// Freshness (0.5 % allowed), F3's 10 stale minutes: 5 min: all 5 stale (23:55 → 00:00): 1 ÷ 0.005 = 200. 30 min:
    /// 10 of 30: 66.67. 1 h: 10 of 60: 33.33. 6 h: 10 of 360: 5.556. 24 h: 10 of 1440: 1.389. 3 days: 10 of 4320: 0.463.
    /// The page rule (14.4× over 1 h and 5 min) fires for freshness (33.33 and 200), not for success (0 over 5 min);
    /// the 6× rule needs 6 h at 6× (5.556 is not); the ticket needs 3 days at 1× (0.463 is not).</summary>
    private static readonly (string Name, double[] Rates, BurnSeverity? Firing)[] BurnAtMonthEnd =
    [
        ("success", [0, 100.0 / 3, 100.0 / 3, 2.0 / 36 / 0.01, 2.0 / 144 / 0.01, 2.0 / 432 / 0.01], null),
        ("freshness", [200, 10.0 / 30 / 0.005, 10.0 / 60 / 0.005, 10.0 / 360 / 0.005, 10.0 / 1440 / 0.005, 10.0 / 4320 / 0.005],
            BurnSeverity.Page),
    ];

    /// <summary>What spent the success budget, largest first (ties: the latest first), with the raw events: each
    /// block of failures is one chain.</summary>
    private static readonly (string, double, DateTime, DateTime, bool)[] FailuresByChain =
    [
        (SloSpentItem.Chain, 6, At(5, 10, 10), At(5, 11, 0), true), (SloSpentItem.Chain, 5, At(25, 8, 10), At(25, 8, 50), true),
        (SloSpentItem.Chain, 2, At(30, 23, 30), At(30, 23, 50), true), (SloSpentItem.Chain, 2, At(20, 3, 10), At(20, 3, 20), true),
    ];

    /// <summary>Kept 20 days: F1's events are gone, its 6 failures only in the rollups, without a chain.</summary>
    private static readonly (string, double, DateTime, DateTime, bool)[] FailuresKept20Days =
    [
        (SloSpentItem.Failures, 6, At(5, 10, 10), At(5, 11, 0), false), (SloSpentItem.Chain, 5, At(25, 8, 10), At(25, 8, 50), true),
        (SloSpentItem.Chain, 2, At(30, 23, 30), At(30, 23, 50), true), (SloSpentItem.Chain, 2, At(20, 3, 10), At(20, 3, 20), true),
    ];

    /// <summary>Kept 7 days: F1's and F2's 8 failures are one item, from Nov 5 10:10 to Nov 20 03:20.</summary>
    private static readonly (string, double, DateTime, DateTime, bool)[] FailuresKept7Days =
    [
        (SloSpentItem.Failures, 8, At(5, 10, 10), At(20, 3, 20), false), (SloSpentItem.Chain, 5, At(25, 8, 10), At(25, 8, 50), true),
        (SloSpentItem.Chain, 2, At(30, 23, 30), At(30, 23, 50), true),
    ];

    /// <summary>What spent the freshness budget, the same whatever was purged: S1 115 minutes, F1 55, F4 45, F2 15, and
    /// F3's two 5-minute stretches, the latest first.</summary>
    private static readonly (string, double, DateTime, DateTime, bool)[] StalePeriods =
    [
        (SloSpentItem.Stale, 115, At(12, 14, 15), At(12, 16, 10), false), (SloSpentItem.Stale, 55, At(5, 10, 15), At(5, 11, 10), false),
        (SloSpentItem.Stale, 45, At(25, 8, 15), At(25, 9, 0), false), (SloSpentItem.Stale, 15, At(20, 3, 15), At(20, 3, 30), false),
        (SloSpentItem.Stale, 5, At(30, 23, 55), Now, false), (SloSpentItem.Stale, 5, At(30, 23, 35), At(30, 23, 40), false),
    ];

    /// <summary>The burn-down, a point every 6 hours from Nov 1 00:00 (step 0: the whole budget, 43.08 attempts and 216
    /// minutes) to Dec 1 00:00 (step 120: what remains, 28.08 and −24). Step 17 is Nov 5 06:00, before F1; step 18 is
    /// Nov 5 12:00, after it: 6 attempts and 55 minutes spent. Step 46, Nov 12 12:00, before S1; step 47, Nov 12 18:00,
    /// 115 minutes more (170). Step 119, Nov 30 18:00: all but F3 (13 attempts, 230 minutes).</summary>
    private static readonly (string Name, (int Step, double Remaining)[] Points)[] BurnDown =
    [
        ("success", [(0, 43.08), (17, 43.08), (18, 37.08), (46, 37.08), (47, 37.08), (119, 43.08 - 13), (120, 28.08)]),
        ("freshness", [(0, 216), (17, 216), (18, 161), (46, 161), (47, 46), (119, 216 - 230), (120, -24)]),
    ];

    /// <summary>The burn-rate alerts through F1 (Nov 5), judged by the health evaluator at the minutes that matter.
    /// Success: at 10:10 the hour (09:10, 10:10] holds 6 runs, 1 failed (16.7× ≥ 14.4) and the 5 minutes hold that
    /// failure (100×): page, SLO_BURN_FAST raised; at 10:09 nothing had failed. The 1-hour rule stops at 11:05 (no run in
    /// (11:00, 11:05]), but the 6-hour rule holds: 6 of 36 (16.7× ≥ 6) and 3 of 3 over 30 minutes, until the 30 minutes
    /// (11:00, 11:30] hold only successes: page until 11:29, at 11:30 only the ticket (6 h: 6 of 36 ≥ 1 %; 3 days: 6 of
    /// 432 = 1.39 %), which lasts while the 6 hours hold the 11:00 failure: until 16:59, off at 17:00.
    /// Freshness: stale from 10:15; the hour reaches 14.4 × 0.5 % × 60 = 4.32 stale minutes at 10:19.3, so the page
    /// fires from 10:20 (no matter: success already pages). Stale ends 11:10; the 5-minute window is fresh from 11:15;
    /// the 30-minute one holds ≥ 6 × 0.5 % × 30 = 0.9 stale minutes while 11:40 − t ≥ 0.9: page until 11:39. Then the
    /// ticket: 6 h hold 17:10 − t stale minutes, ≥ 1.8 (1 × 0.5 % × 360) until 17:08; 3 days hold 55 of 4320 (1.27 % ≥
    /// 0.5 %). So SLO_BURN_FAST is raised 10:10 → 11:40, SLO_BURN_SLOW (a ticket on an objective not paging) 11:30 →
    /// 17:09.</summary>
    private static readonly (DateTime At, string[] Alerts)[] AlertsThroughF1 =
    [
        (At(5, 10, 9), []),
        (At(5, 10, 10), [AlertCodes.SloBurnFast]),
        (At(5, 11, 29), [AlertCodes.SloBurnFast]),
        (At(5, 11, 30), [AlertCodes.SloBurnFast, AlertCodes.SloBurnSlow]),
        (At(5, 11, 39), [AlertCodes.SloBurnFast, AlertCodes.SloBurnSlow]),
        (At(5, 11, 40), [AlertCodes.SloBurnSlow]),
        (At(5, 16, 59), [AlertCodes.SloBurnSlow]),
        (At(5, 17, 0), [AlertCodes.SloBurnSlow]),
        (At(5, 17, 8), [AlertCodes.SloBurnSlow]),
        (At(5, 17, 9), []),
    ];

    /// <summary>Retention keeping 20 days purges the runs that started before Nov 11 (F1 and the window's first days are
    /// then read from the rollups, the day after the cut from both); keeping 7 days, all before Nov 24 (F1, S1, L and
    /// F2 too). The alerts through F1 are judged again each time: from the rollups once F1 is purged.</summary>
    [Theory, BothProviders]
    public async Task Objectives_MatchTheHandComputedTable_WithRawEventsAndAfterRetentionPurgedThem(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedMonthAsync(database);
        var time = new FakeTimeProvider(Now);
        var queries = Queries(database, time);
        var stored = await CountEventsAsync(database);

        await AssertTableAsync(database, queries, "raw events", FailuresByChain);

        foreach (var keptDays in new[] { 20, 7 })
        {
            var purged = await new RetentionPurge(database.Factory(), time,
                Options.Create(new RetentionOptions { EventDays = keptDays })).RunAsync(Ct);
            Assert.True(purged.EventsDeleted > 0, $"keeping {keptDays} days purged nothing");
            await AssertTableAsync(database, queries, $"after retention kept {keptDays} days", keptDays == 20 ? FailuresKept20Days : FailuresKept7Days);
        }
        // 7 days kept: only the runs that started from Nov 24 00:00 on (Nov 24 00:10 … Dec 1 00:00), 7 × 144.
        Assert.Equal(7 * 144, await CountEventsAsync(database));
        Assert.Equal(4321 - 12 + 1, stored);
    }

    private static async Task AssertTableAsync(
        TestDatabase database, SloQueries queries, string when,
        (string, double, DateTime, DateTime, bool)[] spentOnFailures)
    {
        var report = await queries.GetAsync(Service, Ct);
        Assert.Equal(Month.Select(m => m.Name), report.Objectives.Select(o => o.Name));
        foreach (var (expected, actual) in Month.Zip(report.Objectives))
        {
            AssertNear(expected.Good, actual.Good, $"{when}: {expected.Name} good");
            AssertNear(expected.Bad, actual.Bad, $"{when}: {expected.Name} bad");
            AssertNear(expected.Attainment, actual.Attainment!.Value, $"{when}: {expected.Name} attainment");
            Assert.Equal(expected.Met, actual.Met);
            AssertNear(expected.Allowed, actual.BudgetAllowed, $"{when}: {expected.Name} allowed");
            AssertNear(expected.Bad, actual.BudgetSpent, $"{when}: {expected.Name} spent");
            AssertNear(expected.Remaining, actual.BudgetRemaining, $"{when}: {expected.Name} remaining");
        }
        foreach (var (expected, actual) in BurnAtMonthEnd.Zip(report.Objectives))
        {
            Assert.Equal([5, 30, 60, 360, 1440, 4320], actual.BurnRates.Select(b => b.WindowMinutes));
            foreach (var (rate, row) in expected.Rates.Zip(actual.BurnRates))
            {
                AssertNear(rate, row.Rate!.Value, $"{when}: {expected.Name} burn over {row.WindowMinutes} min");
            }
            Assert.Equal(expected.Firing, actual.Firing);
        }

        var spent = await queries.SpentAsync(Service, Ct);
        Assert.Equal(["success", "freshness"], spent.Objectives.Select(o => o.Name));
        var spentSuccess = spent.Objectives[0].Spent.Select(i => (i.Kind, i.Amount, i.StartUtc, i.EndUtc, i.ChainId is not null)).ToList();
        Assert.True(spentOnFailures.SequenceEqual(spentSuccess),
            $"{when}: success spent on [{string.Join("; ", spentSuccess)}]");
        var spentFreshness = spent.Objectives[1].Spent.Select(i => (i.Kind, i.Amount, i.StartUtc, i.EndUtc, i.ChainId is not null)).ToList();
        Assert.True(StalePeriods.SequenceEqual(spentFreshness), $"{when}: freshness spent on [{string.Join("; ", spentFreshness)}]");
        foreach (var (expected, actual) in BurnDown.Zip(spent.Objectives))
        {
            Assert.Equal(SloQueries.BurnDownSteps + 1, actual.BurnDown.Count);
            foreach (var (step, remaining) in expected.Points)
            {
                var point = actual.BurnDown[step];
                Assert.Equal(MonthStart.AddHours(6 * step), point.AtUtc);
                AssertNear(remaining, point.Remaining, $"{when}: {expected.Name} budget left at {point.AtUtc:MMM d HH:mm}");
            }
        }

        // With the excluded range from a real maintenance window: one on a schedule (08:00 UTC every Nov 25, an hour,
        // created at the month's start), so the objectives read it as the app does. Removed again for the next stage.
        await using (var db = database.Open())
        {
            db.MaintenanceWindows.Add(new MaintenanceWindow
            {
                Service = Service, Reason = "database upgrade", Cron = "0 8 25 11 *", TimeZone = "UTC", DurationMinutes = 60,
                ExcludeFromSlo = true, CreatedBy = "ana", CreatedUtc = MonthStart,
            });
            await db.SaveChangesAsync(Ct);
        }
        var excluding = await queries.GetAsync(Service, Ct);
        foreach (var (expected, actual) in MonthExcluding.Zip(excluding.Objectives))
        {
            AssertNear(expected.Good, actual.Good, $"{when}, excluding: {expected.Name} good");
            AssertNear(expected.Bad, actual.Bad, $"{when}, excluding: {expected.Name} bad");
            AssertNear(expected.Attainment, actual.Attainment!.Value, $"{when}, excluding: {expected.Name} attainment");
            Assert.Equal(expected.Met, actual.Met);
            AssertNear(expected.Allowed, actual.BudgetAllowed, $"{when}, excluding: {expected.Name} allowed");
            AssertNear(expected.Remaining, actual.BudgetRemaining, $"{when}, excluding: {expected.Name} remaining");
        }
        // The burn rates' windows all end within the last 3 days, after the window: unchanged.
        foreach (var (expected, actual) in BurnAtMonthEnd.Zip(excluding.Objectives))
        {
            foreach (var (rate, row) in expected.Rates.Zip(actual.BurnRates))
            {
                AssertNear(rate, row.Rate!.Value, $"{when}, excluding: {expected.Name} burn over {row.WindowMinutes} min");
            }
        }
        await using (var db = database.Open())
        {
            await db.MaintenanceWindows.ExecuteDeleteAsync(Ct);
        }

        foreach (var (at, alerts) in AlertsThroughF1)
        {
            await using var db = database.Open();
            var burns = await queries.BurnFindingsAsync(db, Service, at, Ct);
            var input = HealthInput.FromState(new SyncState { Service = Service, LastSuccessfulSyncUtc = at }) with { SloBurns = burns };
            var raised = HealthEvaluator.Evaluate(input, new HealthOptions(), at).Alerts
                .Select(a => a.Code).Where(c => c is AlertCodes.SloBurnFast or AlertCodes.SloBurnSlow).Order().ToArray();
            Assert.True(alerts.Order().SequenceEqual(raised),
                $"{when}, at {at:MMM d HH:mm}: expected [{string.Join(", ", alerts)}], raised [{string.Join(", ", raised)}]");
        }
    }

    private static void AssertNear(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) < 1e-9, $"{what}: expected {expected}, got {actual}");

    private static async Task SeedMonthAsync(TestDatabase database)
    {
        var failed = new HashSet<DateTime>(
            Enumerable.Range(1, 6).Select(i => At(5, 10, 0).AddMinutes(10 * i))
                .Concat([At(20, 3, 10), At(20, 3, 20)])
                .Concat(Enumerable.Range(1, 5).Select(i => At(25, 8, 0).AddMinutes(10 * i)))
                .Concat([At(30, 23, 30), At(30, 23, 50)]));
        var events = new List<SyncEvent>();
        for (var k = 0; k <= 4320; k++)
        {
            var end = MonthStart.AddMinutes(10 * k);
            if (end >= At(12, 14, 10) && end <= At(12, 16, 0)) continue;
            events.Add(Run(end, failed.Contains(end) ? SyncStatus.Failed : SyncStatus.Succeeded, failed.Contains(end) ? "HTTP_503" : null));
        }
        events.Add(Run(At(15, 12, 5), SyncStatus.Failed, UncountedRuns.LeaseLost));
        await using (var db = database.Open())
        {
            // Each block of failures is one error chain, as a run records it.
            var chains = events.Where(e => e.Status == SyncStatus.Failed && e.ErrorCode != UncountedRuns.LeaseLost)
                .GroupBy(e => e.CompletedUtc!.Value.Date).ToList();
            foreach (var block in chains)
            {
                var chain = new SyncError { Service = Service, Message = "down", ErrorCode = "HTTP_503", CreatedUtc = block.First().CompletedUtc!.Value };
                db.SyncErrors.Add(chain);
                await db.SaveChangesAsync(Ct);
                foreach (var run in block) run.ErrorChainId = chain.Id;
            }
            db.SyncEvents.AddRange(events);
            // The hourly rows as a run wrote them before the attempt logs (counted by start hour, no log), which the
            // start-up upgrade then gives their logs from the stored runs, adding the hours runs only ended in.
            // RunRecorderFacts checks that a run writes the same log itself.
            foreach (var hour in events.Where(e => e.ErrorCode != UncountedRuns.LeaseLost).GroupBy(e => MetricArithmetic.HourOf(e.StartedUtc)))
            {
                var row = new SyncMetric { Service = Service, Period = MetricPeriod.Hourly, PeriodStartUtc = hour.Key };
                foreach (var run in hour) MetricArithmetic.Add(row, run.Status, run.DurationMs, 0, run.CompletedUtc!.Value);
                db.SyncMetrics.Add(row);
            }
            await db.SaveChangesAsync(Ct);
        }
        Assert.True(await AttemptEndsUpgrade.RunAsync(database.Factory(), Ct) > 0);
    }

    private static SyncEvent Run(DateTime endUtc, SyncStatus status, string? code) => new()
    {
        Service = Service, Type = SyncType.Incremental, Trigger = SyncTrigger.Schedule, Status = status,
        StartedUtc = endUtc.AddSeconds(-30), CompletedUtc = endUtc, DurationMs = 30_000, ErrorCode = code,
    };

    private static async Task<int> CountEventsAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await db.SyncEvents.CountAsync(Ct);
    }

    private static SloQueries Queries(TestDatabase database, TimeProvider time) => new(
        database.Factory(), time,
        Options.Create(new SloOptions { Objectives = [Success, Freshness] }),
        Options.Create(new SyncOptions()),
        new TodoistTargetResolver(Options.Create(new TodoistOptions { ApiToken = "not-demo" }),
            Options.Create(new SimulatorOptions()), new SimulatorEndpoint()),
        new MaintenanceQueries(database.Factory(), time));
}
