using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Maintenance;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Slo;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Monitoring.Queries;

/// <summary>The objectives over runs stored by hand and rolled up as the run recorder would (the attempt logs they are
/// read from), in a real SQLite file and a real PostgreSQL database.</summary>
public sealed class SloQueriesFacts
{
    private const string Service = ServiceName.Todoist;
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SloQueries Queries(TestDatabase database, TimeProvider time, params SloObjective[] objectives) => new(
        database.Factory(), time,
        Options.Create(new SloOptions { Objectives = [.. objectives] }),
        Options.Create(new SyncOptions()),
        new TodoistTargetResolver(Options.Create(new TodoistOptions { ApiToken = "not-demo" }),
            Options.Create(new SimulatorOptions()), new SimulatorEndpoint()),
        new MaintenanceQueries(database.Factory(), time));

    private static SyncEvent Run(DateTime endUtc, SyncStatus status, string? code = null) => new()
    {
        Service = Service, Type = SyncType.Incremental, Trigger = SyncTrigger.Schedule, Status = status,
        StartedUtc = endUtc.AddSeconds(-1), CompletedUtc = status == SyncStatus.Started ? null : endUtc,
        DurationMs = status == SyncStatus.Started ? null : 1000, ErrorCode = code,
    };

    private static async Task AddAsync(TestDatabase database, IEnumerable<SyncEvent> events)
    {
        await using var db = database.Open();
        db.SyncEvents.AddRange(events);
        await db.SaveChangesAsync(Ct);
        await StoredRuns.RollUpAsync(db, Ct);
    }

    /// <summary>By hand. Counted in the last day: successes 100, 90, 60 and 20 minutes ago, a failure 50 minutes ago;
    /// the lease lost (40) and the cancelled run (30) are not counted, nor is the run still going (5), nor the success
    /// 40 days ago (outside). Success: 4 of 5. Freshness (15 min): stale from 40 days ago's success to 100 minutes ago
    /// (1340 min of the day), 75→60 (15), 45→20 (25) and 5→0 (5): 1385 of 1440 minutes.</summary>
    [Theory, BothProviders]
    public async Task Get_MeasuresTheObjectives_OverTheCountedRawEvents(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddAsync(database,
        [
            Run(Now.AddDays(-40), SyncStatus.Succeeded),
            Run(Now.AddMinutes(-100), SyncStatus.Succeeded), Run(Now.AddMinutes(-90), SyncStatus.Succeeded),
            Run(Now.AddMinutes(-60), SyncStatus.Succeeded), Run(Now.AddMinutes(-50), SyncStatus.Failed, "HTTP_503"),
            Run(Now.AddMinutes(-40), SyncStatus.Failed, UncountedRuns.LeaseLost),
            Run(Now.AddMinutes(-30), SyncStatus.Failed, UncountedRuns.Cancelled),
            Run(Now.AddMinutes(-20), SyncStatus.Succeeded), Run(Now.AddMinutes(-5), SyncStatus.Started),
        ]);
        var queries = Queries(database, new FakeTimeProvider(Now),
            new SloObjective { Name = "success", Kind = SloKind.Success, Target = 0.99, WindowDays = 1 },
            new SloObjective { Name = "freshness", Kind = SloKind.Freshness, Target = 0.995, WindowDays = 1, FreshnessThresholdMinutes = 15 });

        var report = await queries.GetAsync(Service, Ct);

        var success = report.Objectives[0];
        Assert.Equal(("attempts", 4.0, 1.0, 0.8), (success.Unit, success.Good, success.Bad, success.Attainment));
        Assert.Equal((0.05, 1.0), (Math.Round(success.BudgetAllowed, 9), success.BudgetSpent));
        // The last hour (60 min ago is its open start): the failure and the success 20 minutes ago, 1/2 ÷ 0.01.
        Assert.Equal(50, success.BurnRates.Single(b => b.WindowMinutes == 60).Rate!.Value, 9);
        var freshness = report.Objectives[1];
        Assert.Equal(("minutes", 55.0, 1385.0), (freshness.Unit, Math.Round(freshness.Good, 9), Math.Round(freshness.Bad, 9)));
        Assert.Equal(7.2 - 1385, freshness.BudgetRemaining, 9);
        Assert.Equal(3, report.Rules.Count);
    }

    [Theory, BothProviders]
    public async Task Get_HasNoAttainment_BeforeAnySync(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var report = await Queries(database, new FakeTimeProvider(Now)).GetAsync(Service, Ct);

        Assert.Equal(["success", "freshness"], report.Objectives.Select(o => o.Name));
        Assert.All(report.Objectives, o => Assert.Equal((0.0, 0.0, (double?)null, (BurnSeverity?)null), (o.Good, o.Bad, o.Attainment, o.Firing)));
        Assert.Equal(15, report.Objectives[1].FreshnessThresholdMinutes);
    }

    /// <summary>The clock walks through the minutes <c>SloBurnRulesFacts</c> worked out by hand (an attempt a minute,
    /// those of minutes 1 to 10 failed), each minute's runs written as they would be: the page fires at minute 9 and
    /// gives way to the ticket at 15, which recovers at 367.</summary>
    [Theory, BothProviders]
    public async Task BurnFindings_FireAndRecover_AtTheComputedMinutes(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Now.AddMinutes(-200));
        var queries = Queries(database, time, new SloObjective { Name = "success", Kind = SloKind.Success, Target = 0.99, WindowDays = 30 });
        (int Minute, BurnSeverity? Expected)[] checkpoints =
            [(0, null), (2, null), (3, BurnSeverity.Ticket), (8, BurnSeverity.Ticket), (9, BurnSeverity.Page),
             (14, BurnSeverity.Page), (15, BurnSeverity.Ticket), (366, BurnSeverity.Ticket), (367, null)];
        var written = -201;
        foreach (var (minute, expected) in checkpoints)
        {
            await AddAsync(database, Enumerable.Range(written + 1, minute - written)
                .Select(m => Run(Now.AddMinutes(m), m is >= 1 and <= 10 ? SyncStatus.Failed : SyncStatus.Succeeded)));
            written = minute;
            time.SetUtcNow(Now.AddMinutes(minute));

            await using var db = database.Open();
            var findings = await queries.BurnFindingsAsync(db, Service, time.GetUtcNow().UtcDateTime, Ct);

            Assert.True(expected == findings.SingleOrDefault()?.Severity, $"minute {minute}: expected {expected}, got {findings.SingleOrDefault()?.Severity}");
        }
    }
}
