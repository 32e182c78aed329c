using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Sync;

/// <summary>Retries for real: failures injected by the simulator, retries run by Hangfire as delayed jobs.</summary>
public sealed class RetryFlowFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Half the default ladder (0.5, 1, 2, 4, 8 s), so the whole chain fits in a test.</summary>
    private static Dictionary<string, string?> FastRetries(double baseSeconds = 0.5) => new()
    {
        ["Retry:BaseDelaySeconds"] = baseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Retry:JitterRatio"] = "0.2",
    };

    [Fact]
    public async Task PermanentOutage_MakesOneChainOfSixAttempts_FollowingTheLadder_ThenStops()
    {
        await using var app = new TestApp(FastRetries());
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };

        await QueueSyncAsync(app);
        var events = await WaitForEventsAsync(app, 6, TimeSpan.FromSeconds(40));
        await Task.Delay(TimeSpan.FromSeconds(3), Ct); // anything scheduled after the last would show by now

        await using var db = await app.CreateDbAsync();
        events = await db.SyncEvents.OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal(6, events.Count);
        Assert.All(events, e => Assert.Equal(SyncStatus.Failed, e.Status));
        Assert.Equal([SyncTrigger.Manual, .. Enumerable.Repeat(SyncTrigger.Retry, 5)], events.Select(e => e.Trigger));
        Assert.Equal([1, 2, 3, 4, 5, 6], events.Select(e => e.Attempt));
        var chain = await db.SyncErrors.SingleAsync(Ct);
        Assert.All(events, e => Assert.Equal(chain.Id, e.ErrorChainId));
        Assert.Equal(5, chain.RetryCount);
        Assert.Null(chain.NextRetryUtc);
        Assert.Null(chain.PendingJobId);
        Assert.Null(chain.ResolvedUtc); // exhausted: open until a success or a hand resolve
        Assert.Equal(0, app.Get<JobStorage>().GetMonitoringApi().ScheduledCount());

        var options = new RetryOptions { BaseDelaySeconds = 0.5 };
        for (var retry = 0; retry < 5; retry++)
        {
            var gap = events[retry + 1].StartedUtc - events[retry].CompletedUtc!.Value;
            var nominal = RetryPolicy.NominalDelay(retry, options);
            // Never earlier than the policy allows; later only by Hangfire's one-second schedule poll plus the slack
            // of a busy two-core machine running the rest of the suite.
            Assert.True(gap >= nominal * 0.8 - TimeSpan.FromMilliseconds(50),
                $"Retry {retry + 1} ran after {gap.TotalSeconds:0.00} s; the policy allows no less than {(nominal * 0.8).TotalSeconds:0.00} s.");
            Assert.True(gap <= nominal * 1.2 + TimeSpan.FromSeconds(3),
                $"Retry {retry + 1} ran after {gap.TotalSeconds:0.00} s; the policy asked for about {nominal.TotalSeconds:0.00} s.");
        }
        Assert.Equal(6, app.Simulator.Counters.FaultsInjected);
    }

    [Fact]
    public async Task BadCredentials_AreNotRetried_AndLeaveTheChainOpen()
    {
        await using var app = new TestApp(FastRetries());
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 };

        await QueueSyncAsync(app);
        await WaitForEventsAsync(app, 1, TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);

        await using var db = await app.CreateDbAsync();
        var run = await db.SyncEvents.SingleAsync(Ct);
        Assert.Equal(FailureKind.Credentials, run.ErrorKind);
        var chain = await db.SyncErrors.SingleAsync(Ct);
        Assert.Equal(FailureKind.Credentials, chain.Kind);
        Assert.Equal("AUTH_INVALID_TOKEN", chain.TodoistErrorTag);
        Assert.Null(chain.ResolvedUtc);
        Assert.Null(chain.NextRetryUtc);
        Assert.Equal(0, app.Get<JobStorage>().GetMonitoringApi().ScheduledCount());
        Assert.False((await db.SyncStates.SingleAsync(Ct)).IsHealthy);
    }

    [Fact]
    public async Task RateLimit_HoldsEveryRunBack_UntilRetryAfter_ThenTheRetryRecovers()
    {
        await using var app = new TestApp(FastRetries());
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 429, RetryAfterSeconds = 3 };

        await QueueSyncAsync(app);
        var limited = (await WaitForEventsAsync(app, 1, TimeSpan.FromSeconds(20)))[0];
        app.Simulator.Faults = new SimulatorFaults();
        var callsBefore = app.Simulator.Counters.SyncCalls;

        // The recurring run that fires in between is deferred: no call to Todoist, no event, no failure.
        var between = await RunAsync(app, SyncTrigger.Schedule);
        Assert.Equal(SyncOutcomeKind.Deferred, between.Kind);
        Assert.Equal(callsBefore, app.Simulator.Counters.SyncCalls);

        var events = await WaitForEventsAsync(app, 2, TimeSpan.FromSeconds(20), SyncStatus.Succeeded);
        var retry = events[1];
        Assert.Equal(SyncTrigger.Retry, retry.Trigger);
        Assert.Equal(SyncStatus.Succeeded, retry.Status);
        Assert.True(retry.StartedUtc - limited.CompletedUtc!.Value >= TimeSpan.FromSeconds(3),
            $"The retry called Todoist {(retry.StartedUtc - limited.CompletedUtc!.Value).TotalSeconds:0.00} s after the 429.");
        await using var db = await app.CreateDbAsync();
        Assert.Equal(ErrorResolution.RetrySucceeded, (await db.SyncErrors.SingleAsync(Ct)).Resolution);
        Assert.Null((await db.SyncStates.SingleAsync(Ct)).RateLimitedUntilUtc);
    }

    [Fact]
    public async Task TwoFailuresThenRecovery_ResolveTheChain_AsRetrySucceeded()
    {
        await using var app = new TestApp(FastRetries());
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 500 };

        await QueueSyncAsync(app);
        await WaitForEventsAsync(app, 2, TimeSpan.FromSeconds(20));
        app.Simulator.Faults = new SimulatorFaults();
        var events = await WaitForEventsAsync(app, 3, TimeSpan.FromSeconds(20), SyncStatus.Succeeded);

        Assert.Equal([SyncStatus.Failed, SyncStatus.Failed, SyncStatus.Succeeded], events.Select(e => e.Status));
        await using var db = await app.CreateDbAsync();
        var chain = await db.SyncErrors.SingleAsync(Ct);
        Assert.Equal(ErrorResolution.RetrySucceeded, chain.Resolution);
        Assert.Equal(1, chain.RetryCount);
        Assert.Null(chain.PendingJobId);
        var state = await db.SyncStates.SingleAsync(Ct);
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.True(state.IsHealthy);
        Assert.Equal(3, events[2].Attempt);
    }

    [Fact]
    public async Task ResolvingByHand_CancelsThePendingRetry_WhichNeverRuns()
    {
        await using var app = new TestApp(FastRetries(baseSeconds: 3));
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        await QueueSyncAsync(app);
        await WaitForEventsAsync(app, 1, TimeSpan.FromSeconds(20));
        var chain = await Eventually.ReturnsAsync(async () =>
        {
            await using var db = await app.CreateDbAsync();
            return await db.SyncErrors.SingleOrDefaultAsync(c => c.PendingJobId != null, Ct);
        });
        using var http = app.CreateClient();

        var response = await http.PostAsync($"/api/errors/{chain.Id}/resolve", null, Ct);
        await Task.Delay(TimeSpan.FromSeconds(5), Ct); // well past the retry's time

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await using var check = await app.CreateDbAsync();
        Assert.Equal(1, await check.SyncEvents.CountAsync(Ct));
        var resolved = await check.SyncErrors.SingleAsync(Ct);
        Assert.Equal(ErrorResolution.Manual, resolved.Resolution);
        Assert.NotNull(resolved.ResolvedBy);
        Assert.Null(resolved.PendingJobId);
        using var connection = app.Get<JobStorage>().GetConnection();
        Assert.Equal("Deleted", connection.GetJobData(chain.PendingJobId!)?.State);
    }

    [Fact]
    public async Task APendingRetry_SurvivesARestart_AndRunsOnce()
    {
        var database = TempFiles.NewDatabasePath();
        long chainId;
        await using (var before = new TestApp(FastRetries(baseSeconds: 30), database))
        {
            await before.StartAsync();
            before.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
            await QueueSyncAsync(before);
            chainId = (await Eventually.ReturnsAsync(async () =>
            {
                await using var db = await before.CreateDbAsync();
                return await db.SyncErrors.SingleOrDefaultAsync(c => c.PendingJobId != null, Ct);
            })).Id;
            // Bring the recorded retry time near, as if the app had been down for a while.
            await using var change = await before.CreateDbAsync();
            await change.SyncErrors.ExecuteUpdateAsync(c => c.SetProperty(x => x.NextRetryUtc, DateTime.UtcNow.AddSeconds(1)), Ct);
        }

        // A new host over the same file: Hangfire's in-memory jobs are gone, the database still has the retry.
        await using var after = new TestApp(FastRetries(), database);
        await after.StartAsync();
        var events = await WaitForEventsAsync(after, 2, TimeSpan.FromSeconds(20), SyncStatus.Succeeded);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);

        await using var check = await after.CreateDbAsync();
        Assert.Equal(2, await check.SyncEvents.CountAsync(Ct));
        Assert.Equal(SyncTrigger.Retry, events[1].Trigger);
        Assert.Equal(chainId, events[1].ErrorChainId);
        Assert.Equal(ErrorResolution.RetrySucceeded, (await check.SyncErrors.SingleAsync(Ct)).Resolution);
        await after.DisposeAsync();
        TempFiles.DeleteDatabase(database);
    }

    [Fact]
    public async Task ManualRecurringAndRetry_FiredTogether_ApplyOnce()
    {
        await using var app = new TestApp(FastRetries(baseSeconds: 60));
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        var first = await RunAsync(app, SyncTrigger.Manual);
        app.Simulator.Faults = new SimulatorFaults { LatencyMs = 700 };

        var outcomes = await Task.WhenAll(
            RunAsync(app, SyncTrigger.Manual),
            RunAsync(app, SyncTrigger.Schedule),
            RunAsync(app, SyncTrigger.Retry, first.ChainId));

        Assert.Single(outcomes, o => o.Kind == SyncOutcomeKind.Succeeded);
        Assert.Equal(2, outcomes.Count(o => o.Kind == SyncOutcomeKind.Skipped));
        await using var db = await app.CreateDbAsync();
        Assert.Equal(1, await db.SyncEvents.CountAsync(e => e.Status == SyncStatus.Succeeded, Ct));
        Assert.Equal(1, await db.SyncEvents.CountAsync(e => e.Status == SyncStatus.Failed, Ct)); // the set-up failure
    }

    [Fact]
    public async Task ErrorsApi_Answers404And409_AndRetryNowRunsTheRetry()
    {
        await using var app = new TestApp(FastRetries(baseSeconds: 60));
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        var failed = await RunAsync(app, SyncTrigger.Manual);
        app.Simulator.Faults = new SimulatorFaults();
        using var http = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/api/errors/999999/resolve", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/api/errors/999999/retry", null, Ct)).StatusCode);
        var retry = await http.PostAsync($"/api/errors/{failed.ChainId}/retry", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);

        var events = await WaitForEventsAsync(app, 2, TimeSpan.FromSeconds(20), SyncStatus.Succeeded);
        Assert.Equal(SyncTrigger.Retry, events[1].Trigger);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync($"/api/errors/{failed.ChainId}/resolve", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsync($"/api/errors/{failed.ChainId}/retry", null, Ct)).StatusCode);
    }

    private static async Task QueueSyncAsync(TestApp app)
    {
        using var http = app.CreateClient();
        var response = await http.PostAsync("/api/sync?type=incremental", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static Task<SyncOutcome> RunAsync(TestApp app, SyncTrigger trigger, long? chainId = null) =>
        app.SyncAsync(SyncType.Incremental, trigger, chainId);

    /// <summary>Waits until <paramref name="count"/> events are finished (the last one with
    /// <paramref name="lastStatus"/> when given) and returns them oldest first.</summary>
    private static async Task<List<SyncEvent>> WaitForEventsAsync(
        TestApp app, int count, TimeSpan within, SyncStatus? lastStatus = null) =>
        await Eventually.ReturnsAsync(async () =>
        {
            await using var db = await app.CreateDbAsync();
            var done = await db.SyncEvents.Where(e => e.Status != SyncStatus.Started).OrderBy(e => e.Id).ToListAsync(Ct);
            return done.Count >= count && (lastStatus is null || done[count - 1].Status == lastStatus) ? done : null;
        }, within);
}
