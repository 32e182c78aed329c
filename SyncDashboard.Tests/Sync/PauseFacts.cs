using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Sync;

/// <summary>Pausing holds back the app's own runs and nothing else; resuming picks up what waited.</summary>
public sealed class PauseFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SyncTrigger.Schedule, true, true)]
    [InlineData(SyncTrigger.Startup, true, true)]
    [InlineData(SyncTrigger.Retry, true, true)]
    [InlineData(SyncTrigger.Webhook, true, true)]
    [InlineData(SyncTrigger.Manual, true, false)]
    [InlineData(SyncTrigger.Schedule, false, false)]
    [InlineData(SyncTrigger.Retry, false, false)]
    [InlineData(SyncTrigger.Manual, false, false)]
    public void Holds_OnlyTheAppsOwnRuns_WhilePaused(SyncTrigger trigger, bool paused, bool holds) =>
        Assert.Equal(holds, PausePolicy.Holds(trigger, paused));

    [Fact]
    public async Task ScheduledRun_IsHeldBack_AndRecordsNothing_WhilePaused()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        Assert.True(await app.Get<PauseCommands>().PauseAsync("ana", Ct));

        var outcome = await app.SyncAsync(SyncType.Incremental, SyncTrigger.Schedule);

        Assert.Equal(SyncOutcomeKind.Paused, outcome.Kind);
        await using var db = await app.CreateDbAsync();
        Assert.Equal(0, await db.SyncEvents.CountAsync(Ct));
        Assert.Equal(0, await db.SyncMetrics.CountAsync(Ct));
        Assert.Equal(0, app.Simulator.Counters.SyncCalls);
    }

    [Fact]
    public async Task ManualRun_GoesAhead_WhilePaused()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        await app.Get<PauseCommands>().PauseAsync("ana", Ct);

        var outcome = await app.SyncAsync(SyncType.Incremental, SyncTrigger.Manual);

        Assert.Equal(SyncOutcomeKind.Succeeded, outcome.Kind);
    }

    [Fact]
    public async Task PauseAndResume_AreAuditedOnce_EvenWhenAskedTwice()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        var pause = app.Get<PauseCommands>();

        Assert.True(await pause.PauseAsync("ana", Ct));
        Assert.False(await pause.PauseAsync("bob", Ct));
        Assert.True(await pause.ResumeAsync("bob", Ct));
        Assert.False(await pause.ResumeAsync("ana", Ct));

        await using var db = await app.CreateDbAsync();
        var entries = await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor }).ToListAsync(Ct);
        Assert.Equal([(AuditAction.Pause, "ana"), (AuditAction.Resume, "bob")], entries.Select(e => (e.Action, e.Actor)));
        Assert.False((await db.SyncStates.SingleAsync(Ct)).IsPaused);
    }

    [Fact]
    public async Task Resume_SchedulesTheRetryThatWaited_AndItRecovers()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Retry:BaseDelaySeconds"] = "0.5" });
        await app.StartAsync();
        var pause = app.Get<PauseCommands>();
        await pause.PauseAsync("ana", Ct);
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        // Through the engine alone: the chain wants a retry, but no job exists for it, as after a skipped retry job.
        var failed = await app.SyncAsync(SyncType.Incremental, SyncTrigger.Manual);
        app.Simulator.Faults = new SimulatorFaults();
        var skipped = await app.SyncAsync(SyncType.Incremental, SyncTrigger.Retry, failed.ChainId);
        Assert.Equal(SyncOutcomeKind.Paused, skipped.Kind);

        await pause.ResumeAsync("ana", Ct);

        var chain = await Eventually.ReturnsAsync(async () =>
        {
            await using var db = await app.CreateDbAsync();
            return await db.SyncErrors.SingleOrDefaultAsync(c => c.Id == failed.ChainId && c.ResolvedUtc != null, Ct);
        });
        Assert.Equal(ErrorResolution.RetrySucceeded, chain.Resolution);
    }

    [Fact]
    public async Task RetryNow_IsRefused_WhilePaused()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        var failed = await app.SyncAsync(SyncType.Incremental, SyncTrigger.Manual);
        await app.Get<PauseCommands>().PauseAsync("ana", Ct);

        var result = await app.Get<ErrorCommands>().RetryNowAsync(failed.ChainId!.Value, "ana", Ct);

        Assert.Equal(ChainActionStatus.Paused, result.Status);
        await using var db = await app.CreateDbAsync();
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.Action).ToListAsync(Ct), a => a == AuditAction.RetryNow);
    }
}
