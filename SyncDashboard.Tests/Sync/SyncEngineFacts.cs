using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Tests.Sync;

/// <summary>The engine end to end: real HTTP to the simulator, real SQLite file, one run at a time.</summary>
public sealed class SyncEngineFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullThenIncrementalSyncs_KeepTheMirrorEqualToTheAccount()
    {
        await using var app = new TestApp();
        await app.StartAsync();

        var full = await RunAsync(app, SyncType.Full);
        Assert.Equal(SyncOutcomeKind.Succeeded, full.Kind);
        await using (var db = await app.CreateDbAsync()) await MirrorAssert.EqualsAccountAsync(db, app.Simulator);

        for (var round = 0; round < 6; round++)
        {
            app.Simulator.ApplyRandomChanges(40);
            var incremental = await RunAsync(app, SyncType.Incremental);
            Assert.Equal(SyncOutcomeKind.Succeeded, incremental.Kind);
            await using var db = await app.CreateDbAsync();
            await MirrorAssert.EqualsAccountAsync(db, app.Simulator);
        }

        await using var check = await app.CreateDbAsync();
        var events = await check.SyncEvents.OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal(7, events.Count);
        Assert.All(events, e => Assert.Equal(SyncStatus.Succeeded, e.Status));
        Assert.Equal(SyncType.Full, events[0].Type);
        Assert.All(events.Skip(1), e => Assert.Equal(SyncType.Incremental, e.Type));
        // Each run starts from the token the previous one stored.
        for (var i = 1; i < events.Count; i++) Assert.Equal(events[i - 1].SyncTokenAfter, events[i].SyncTokenBefore);
        Assert.Contains(events.Skip(1), e => e.ItemsAdded + e.ItemsUpdated + e.ItemsDeleted > 0);
        var state = await check.SyncStates.SingleAsync(Ct);
        Assert.Equal(events[^1].SyncTokenAfter, state.LastSyncToken);
        Assert.True(state.IsHealthy);
        Assert.Null(state.LeaseOwner);
    }

    [Fact]
    public async Task FirstRun_IsAFullSync_EvenWhenIncrementalWasAsked()
    {
        await using var app = new TestApp();
        await app.StartAsync();

        await RunAsync(app, SyncType.Incremental);

        await using var db = await app.CreateDbAsync();
        var run = await db.SyncEvents.SingleAsync(Ct);
        Assert.Equal(SyncType.Full, run.Type);
        Assert.Equal("*", run.SyncTokenBefore);
        Assert.True(await db.Items.CountAsync(Ct) > 100);
    }

    [Fact]
    public async Task TokenAdvancesOnlyWithItsData_WhenACrashHitsBeforeCommit()
    {
        var crash = new CrashBeforeTokenCommit();
        await using var app = new InterceptedApp(crash);
        await app.StartAsync();
        await RunAsync(app, SyncType.Full);
        string? tokenBefore;
        List<string> itemsBefore;
        await using (var db = await app.CreateDbAsync())
        {
            tokenBefore = (await db.SyncStates.SingleAsync(Ct)).LastSyncToken;
            itemsBefore = await db.Items.OrderBy(i => i.Id).Select(i => i.Id + i.Content + i.Checked).ToListAsync(Ct);
        }

        app.Simulator.ApplyRandomChanges(30);
        crash.Arm();
        var crashed = await RunAsync(app, SyncType.Incremental);

        Assert.Equal(1, crash.Crashes);
        Assert.Equal(SyncOutcomeKind.Failed, crashed.Kind);
        await using (var db = await app.CreateDbAsync())
        {
            Assert.Equal(tokenBefore, (await db.SyncStates.SingleAsync(Ct)).LastSyncToken);
            Assert.Equal(itemsBefore, await db.Items.OrderBy(i => i.Id).Select(i => i.Id + i.Content + i.Checked).ToListAsync(Ct));
            var failed = await db.SyncEvents.SingleAsync(e => e.Id == crashed.EventId, Ct);
            Assert.Equal(SyncStatus.Failed, failed.Status);
            Assert.Contains("Injected crash", failed.ErrorMessage);
        }

        var next = await RunAsync(app, SyncType.Incremental);
        Assert.Equal(SyncOutcomeKind.Succeeded, next.Kind);
        await using var after = await app.CreateDbAsync();
        await MirrorAssert.EqualsAccountAsync(after, app.Simulator);
        var state = await after.SyncStates.SingleAsync(Ct);
        Assert.NotEqual(tokenBefore, state.LastSyncToken);
        Assert.Equal(0, state.ConsecutiveFailures);
    }

    [Fact]
    public async Task LaggingSnapshot_IsFollowedByAnIncrementalSync_InTheSameRun()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Simulator:SnapshotLagSeconds"] = "120" });
        await app.StartAsync();

        var outcome = await RunAsync(app, SyncType.Full);

        Assert.Equal(SyncOutcomeKind.Succeeded, outcome.Kind);
        await using var db = await app.CreateDbAsync();
        var events = await db.SyncEvents.OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal([SyncType.Full, SyncType.Incremental], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(SyncStatus.Succeeded, e.Status));
        Assert.Equal(events[0].SyncTokenAfter, events[1].SyncTokenBefore);
        Assert.Equal(outcome.EventId, events[1].Id);
    }

    [Fact]
    public async Task FreshSnapshot_NeedsNoFollowUp()
    {
        await using var app = new TestApp();
        await app.StartAsync();

        await RunAsync(app, SyncType.Full);

        await using var db = await app.CreateDbAsync();
        Assert.Equal(1, await db.SyncEvents.CountAsync(Ct));
    }

    [Fact]
    public async Task TwoRunsAtOnce_OneApplies_TheOtherIsSkippedQuietly()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { LatencyMs = 800 };

        var outcomes = await Task.WhenAll(RunAsync(app, SyncType.Incremental), RunAsync(app, SyncType.Incremental));

        Assert.Single(outcomes, o => o.Kind == SyncOutcomeKind.Succeeded);
        Assert.Single(outcomes, o => o.Kind == SyncOutcomeKind.Skipped);
        await using var db = await app.CreateDbAsync();
        Assert.Equal(1, await db.SyncEvents.CountAsync(Ct));
        Assert.Equal(0, await db.SyncErrors.CountAsync(Ct));
        Assert.Equal(0, (await db.SyncStates.SingleAsync(Ct)).ConsecutiveFailures);
    }

    [Fact]
    public async Task InvalidSyncToken_FallsBackToAFullSync_InTheSameRun()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        await RunAsync(app, SyncType.Full);
        await using (var db = await app.CreateDbAsync())
        {
            await db.SyncStates.ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSyncToken, "never-issued-token"), Ct);
        }
        app.Simulator.ApplyRandomChanges(20);

        var outcome = await RunAsync(app, SyncType.Incremental);

        Assert.Equal(SyncOutcomeKind.Succeeded, outcome.Kind);
        await using var check = await app.CreateDbAsync();
        var run = await check.SyncEvents.SingleAsync(e => e.Id == outcome.EventId, Ct);
        Assert.Equal(SyncType.Full, run.Type);
        Assert.Equal(SyncStatus.Succeeded, run.Status);
        Assert.Equal(2, await check.SyncEvents.CountAsync(Ct));
        await MirrorAssert.EqualsAccountAsync(check, app.Simulator);
    }

    [Fact]
    public async Task RateLimit_IsRecordedAsRateLimited_WithItsRetryAfter()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 429, RetryAfterSeconds = 7 };

        var outcome = await RunAsync(app, SyncType.Incremental);

        Assert.Equal(SyncOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(FailureKind.RateLimited, outcome.Failure!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), outcome.Failure.RetryAfter);
        await using var db = await app.CreateDbAsync();
        var run = await db.SyncEvents.SingleAsync(Ct);
        Assert.Equal(429, run.HttpStatus);
        Assert.Equal("LIMITS_REACHED", run.ErrorCode);
        var chain = await db.SyncErrors.SingleAsync(Ct);
        Assert.Equal(7, chain.RetryAfterSeconds);
        Assert.Equal(run.ErrorChainId, chain.Id);
        var state = await db.SyncStates.SingleAsync(Ct);
        Assert.NotNull(state.RateLimitedUntilUtc);
        Assert.InRange(state.RateLimitedUntilUtc.Value - run.CompletedUtc!.Value, TimeSpan.FromSeconds(6.9), TimeSpan.FromSeconds(7.1));
    }

    [Fact]
    public async Task MalformedResponse_IsAFailedEvent_WithAClearMessage_AndLeavesTokenAndDataAlone()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        await RunAsync(app, SyncType.Full);
        string? token;
        int items;
        await using (var db = await app.CreateDbAsync())
        {
            token = (await db.SyncStates.SingleAsync(Ct)).LastSyncToken;
            items = await db.Items.CountAsync(Ct);
        }
        app.Simulator.ApplyRandomChanges(10);
        app.Simulator.Faults = new SimulatorFaults { MalformedRate = 1 };

        var outcome = await RunAsync(app, SyncType.Incremental);

        Assert.Equal(FailureKind.Contract, outcome.Failure!.Kind);
        await using var check = await app.CreateDbAsync();
        var run = await check.SyncEvents.SingleAsync(e => e.Id == outcome.EventId, Ct);
        Assert.Equal("MALFORMED_RESPONSE", run.ErrorCode);
        Assert.Contains("not valid JSON", run.ErrorMessage);
        var state = await check.SyncStates.SingleAsync(Ct);
        Assert.Equal(token, state.LastSyncToken);
        Assert.Equal(1, state.ConsecutiveFailures);
        // No retry can fix an answer the app cannot read: unhealthy at once, not after three failures.
        Assert.False(state.IsHealthy);
        Assert.Equal(items, await check.Items.CountAsync(Ct));
    }

    [Fact]
    public async Task TransientFailures_LeaveTheSyncHealthy_UntilTheThird()
    {
        // Retries off, so each failure here is one run of this test and none of a retry job.
        await using var app = new TestApp(new Dictionary<string, string?> { ["Retry:Enabled"] = "false" });
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };

        var healthy = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            await RunAsync(app, SyncType.Incremental);
            await using var db = await app.CreateDbAsync();
            healthy.Add((await db.SyncStates.SingleAsync(Ct)).IsHealthy);
        }

        Assert.Equal([true, true, false], healthy);
    }

    [Fact]
    public async Task Failures_ShareOneChain_AndASuccessResolvesIt()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        for (var i = 0; i < 3; i++) await RunAsync(app, SyncType.Incremental);

        await using (var db = await app.CreateDbAsync())
        {
            var chain = await db.SyncErrors.SingleAsync(Ct);
            Assert.Equal(FailureKind.Transient, chain.Kind);
            Assert.Null(chain.ResolvedUtc);
            Assert.Equal([1, 2, 3], await db.SyncEvents.OrderBy(e => e.Id).Select(e => e.Attempt).ToListAsync(Ct));
            var state = await db.SyncStates.SingleAsync(Ct);
            Assert.Equal(3, state.ConsecutiveFailures);
            Assert.False(state.IsHealthy);
        }

        app.Simulator.Faults = new SimulatorFaults();
        await RunAsync(app, SyncType.Incremental);

        await using var check = await app.CreateDbAsync();
        var resolved = await check.SyncErrors.SingleAsync(Ct);
        Assert.NotNull(resolved.ResolvedUtc);
        Assert.Equal(ErrorResolution.Recovered, resolved.Resolution);
        var healthy = await check.SyncStates.SingleAsync(Ct);
        Assert.Equal(0, healthy.ConsecutiveFailures);
        Assert.True(healthy.IsHealthy);
        // Every attempt is on record, each in its hour's rollup.
        var hour = await check.SyncMetrics.Where(m => m.Period == MetricPeriod.Hourly).ToListAsync(Ct);
        Assert.Equal(3, hour.Sum(m => m.FailureCount));
        Assert.Equal(1, hour.Sum(m => m.SuccessCount));
    }

    [Fact]
    public async Task ALostLease_AppliesNothing_AndIsNotCountedAsAFailure()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { LatencyMs = 1500 };

        var running = RunAsync(app, SyncType.Full);
        await Task.Delay(500, Ct);
        await using (var db = await app.CreateDbAsync())
        {
            // As if our lease had expired and another node had taken it.
            await db.SyncStates.ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseOwner, "other-node/1/run"), Ct);
        }
        var outcome = await running;

        Assert.Equal(SyncOutcomeKind.Skipped, outcome.Kind);
        await using var check = await app.CreateDbAsync();
        var run = await check.SyncEvents.SingleAsync(Ct);
        Assert.Equal("LEASE_LOST", run.ErrorCode);
        Assert.Equal(0, await check.Items.CountAsync(Ct));
        var state = await check.SyncStates.SingleAsync(Ct);
        Assert.Null(state.LastSyncToken);
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Equal(0, await check.SyncErrors.CountAsync(Ct));
        Assert.Equal("other-node/1/run", state.LeaseOwner); // the other run's lease is not ours to release
    }

    [Fact]
    public async Task ARunClosedAsAbandonedMeanwhile_AppliesNothing_AndKeepsThatRecord()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { LatencyMs = 1500 };

        var running = RunAsync(app, SyncType.Full);
        await Task.Delay(500, Ct);
        await using (var db = await app.CreateDbAsync())
        {
            await db.SyncEvents.ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, SyncStatus.Failed).SetProperty(x => x.ErrorCode, "ABANDONED"), Ct);
        }
        var outcome = await running;

        Assert.Equal(SyncOutcomeKind.Skipped, outcome.Kind);
        await using var check = await app.CreateDbAsync();
        Assert.Equal("ABANDONED", (await check.SyncEvents.SingleAsync(Ct)).ErrorCode);
        Assert.Equal(0, await check.Items.CountAsync(Ct));
        Assert.Null((await check.SyncStates.SingleAsync(Ct)).LastSyncToken);
    }

    [Fact]
    public async Task AppStoppingMidRun_ClosesTheEventAsCancelled_WithoutCountingAFailure()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { LatencyMs = 3000 };
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        using (var scope = app.Services.CreateScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<SyncEngine>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                engine.RunAsync(new SyncRequest(SyncType.Incremental, SyncTrigger.Schedule), stopping.Token));
        }

        await using var db = await app.CreateDbAsync();
        var run = await db.SyncEvents.SingleAsync(Ct);
        Assert.Equal(SyncStatus.Failed, run.Status);
        Assert.Equal("CANCELLED", run.ErrorCode);
        var state = await db.SyncStates.SingleAsync(Ct);
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Null(state.LeaseOwner);
        Assert.Equal(0, await db.SyncErrors.CountAsync(Ct));
    }

    [Fact]
    public async Task AbandonedEvents_AreClosedAsFailed_AfterTheRunTimeout()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        await using (var db = await app.CreateDbAsync())
        {
            db.SyncEvents.Add(new SyncEvent
            {
                Service = ServiceName.Todoist, Type = SyncType.Incremental, Trigger = SyncTrigger.Schedule,
                Status = SyncStatus.Started, StartedUtc = DateTime.UtcNow.AddHours(-1), Node = "other-machine/1",
            });
            await db.SaveChangesAsync(Ct);
        }

        await RunAsync(app, SyncType.Incremental);

        await using var check = await app.CreateDbAsync();
        var abandoned = await check.SyncEvents.OrderBy(e => e.Id).FirstAsync(Ct);
        Assert.Equal(SyncStatus.Failed, abandoned.Status);
        Assert.Equal("ABANDONED", abandoned.ErrorCode);
        Assert.Equal(0, await check.SyncEvents.CountAsync(e => e.Status == SyncStatus.Started, Ct));
    }

    [Fact]
    public async Task ReopenedTask_GetsItsCommentsBack_FromAFullSyncThatFollowsInTheSameRun()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        var (reopened, lastEventBefore) = await ReopenATaskWhoseCommentsTheMirrorDroppedAsync(app);

        var outcome = await RunAsync(app, SyncType.Incremental);

        Assert.Equal(SyncOutcomeKind.Succeeded, outcome.Kind);
        await using var db = await app.CreateDbAsync();
        var events = await db.SyncEvents.Where(e => e.Id > lastEventBefore).OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal([SyncType.Incremental, SyncType.Full], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(SyncStatus.Succeeded, e.Status));
        Assert.Equal(reopened.NoteCount, await db.Notes.CountAsync(n => n.ItemId == reopened.Id, Ct));
        await MirrorAssert.EqualsAccountAsync(db, app.Simulator);
        Assert.True(await RunProgress.FinishedARunThatSucceededAsync(db, RunIdentity.Node, Ct));
    }

    /// <summary>The crash test's failure with seed 1874485977, made deterministic: its last start was stopped right
    /// after the first step of a run (an incremental that brought a reopened task back) had succeeded, while the
    /// follow-up full sync was still fetching; the mirror then lacked that task's comment. Nothing is lost: the
    /// token moved only with what the incremental applied, and the next run notices the missing comments.</summary>
    [Fact]
    public async Task AppStoppingBeforeTheFollowUpIsDone_LosesNoComment_TheNextRunBringsItBack()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        var (reopened, lastEventBefore) = await ReopenATaskWhoseCommentsTheMirrorDroppedAsync(app);
        app.Simulator.Faults = new SimulatorFaults { LatencyMs = 3000 };
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        using (var scope = app.Services.CreateScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<SyncEngine>();
            var run = engine.RunAsync(new SyncRequest(SyncType.Incremental, SyncTrigger.Schedule), stopping.Token);
            // The follow-up has recorded its start and waits for its fetch: stop the app now.
            await Eventually.ReturnsAsync(async () =>
            {
                await using var db = await app.CreateDbAsync();
                return await db.SyncEvents.FirstOrDefaultAsync(e => e.Id > lastEventBefore &&
                    e.Type == SyncType.Full && e.Status == SyncStatus.Started, Ct);
            });
            await stopping.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        await using (var db = await app.CreateDbAsync())
        {
            var events = await db.SyncEvents.Where(e => e.Id > lastEventBefore).OrderBy(e => e.Id).ToListAsync(Ct);
            Assert.Equal([SyncType.Incremental, SyncType.Full], events.Select(e => e.Type));
            Assert.Equal(SyncStatus.Succeeded, events[0].Status);
            Assert.Equal("CANCELLED", events[1].ErrorCode);
            // What the crash test saw: the task is back and active, its comments are not (yet).
            var task = await db.Items.SingleAsync(i => i.Id == reopened.Id, Ct);
            Assert.False(task.Checked);
            Assert.True(await db.Notes.CountAsync(n => n.ItemId == reopened.Id, Ct) < task.NoteCount);
            Assert.Equal(events[0].SyncTokenAfter, (await db.SyncStates.SingleAsync(Ct)).LastSyncToken);
            // A run of this node has succeeded, but the run that holds it has not finished: the crash test, which
            // waits for a finished run, must not stop the app here.
            Assert.False(await RunProgress.FinishedARunThatSucceededAsync(db, RunIdentity.Node, Ct));
        }

        app.Simulator.Faults = new SimulatorFaults();
        var next = await RunAsync(app, SyncType.Incremental);

        Assert.Equal(SyncOutcomeKind.Succeeded, next.Kind);
        await using var after = await app.CreateDbAsync();
        var lastTwo = await after.SyncEvents.OrderByDescending(e => e.Id).Take(2).OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal([SyncType.Incremental, SyncType.Full], lastTwo.Select(e => e.Type));
        Assert.All(lastTwo, e => Assert.Equal(SyncStatus.Succeeded, e.Status));
        Assert.Equal(reopened.NoteCount, await after.Notes.CountAsync(n => n.ItemId == reopened.Id, Ct));
        await MirrorAssert.EqualsAccountAsync(after, app.Simulator);
        Assert.True(await RunProgress.FinishedARunThatSucceededAsync(after, RunIdentity.Node, Ct));
    }

    /// <summary>Brings the mirror to where a reopened task's comments are missing: a full sync drops completed tasks
    /// and their comments (Todoist's full sync holds active tasks only), then one of those tasks is reopened. The
    /// account changes one random change at a time, with a full sync every hundred changes, until a task that was
    /// completed with comments at the last full sync is active again. The simulator's fixed seed makes this the same
    /// walk every time. Returns the reopened task and that full sync's event.</summary>
    private static async Task<(WireItem Reopened, long FullSyncEvent)> ReopenATaskWhoseCommentsTheMirrorDroppedAsync(TestApp app)
    {
        SyncOutcome full = null!;
        HashSet<string> dropped = [];
        for (var change = 0; change < 20_000; change++)
        {
            if (change % 100 == 0)
            {
                full = await RunAsync(app, SyncType.Full);
                Assert.Equal(SyncOutcomeKind.Succeeded, full.Kind);
                dropped = app.Simulator.Snapshot().Items.Where(i => i is { Checked: true, NoteCount: > 0 })
                    .Select(i => i.Id).ToHashSet();
            }
            app.Simulator.ApplyRandomChanges(1);
            if (app.Simulator.Snapshot().Items.FirstOrDefault(i => !i.Checked && dropped.Contains(i.Id)) is { } reopened)
            {
                await using var db = await app.CreateDbAsync();
                Assert.False(await db.Items.AnyAsync(i => i.Id == reopened.Id, Ct));
                Assert.False(await db.Notes.AnyAsync(n => n.ItemId == reopened.Id, Ct));
                Assert.True(reopened.NoteCount > 0);
                return (reopened, full.EventId!.Value);
            }
        }
        throw new InvalidOperationException("No task with comments was reopened after a full sync.");
    }

    private static Task<SyncOutcome> RunAsync(TestApp app, SyncType type) => app.SyncAsync(type);

    private sealed class InterceptedApp(CrashBeforeTokenCommit crash) : TestApp
    {
        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.ConfigureDbContext<SqliteMonitoringDbContext>(db => db.AddInterceptors(crash));
    }
}
