using Hangfire;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Sync;

/// <summary>Every manual action leaves one audit entry naming who and what, whether it came from a page or the API.</summary>
public sealed class ManualActionAuditFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SyncNow_RecordsTheTypeAndJob()
    {
        await using var app = new TestApp();
        await app.StartAsync();

        var result = await app.Get<SyncCommands>().RequestSyncAsync(SyncType.Full, "ana", Ct);

        var entry = await SingleEntryAsync(app);
        Assert.Equal((AuditAction.SyncNow, "ana", $"Full sync, job {result.JobId}"), (entry.Action, entry.Actor, entry.Details));
    }

    [Fact]
    public async Task Resolve_RecordsTheChain_AndResolvesItUnderTheSameActor()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Retry:BaseDelaySeconds"] = "600" });
        await app.StartAsync();
        var chainId = await OpenChainWithPendingRetryAsync(app);

        var result = await app.Get<ErrorCommands>().ResolveAsync(chainId, "ana", Ct);

        Assert.Equal(ChainActionStatus.Done, result.Status);
        var entry = await SingleEntryAsync(app);
        Assert.Equal((AuditAction.ResolveError, "ana"), (entry.Action, entry.Actor));
        Assert.StartsWith($"chain #{chainId}, retry job ", entry.Details);
        await using var db = await app.CreateDbAsync();
        Assert.Equal("ana", (await db.SyncErrors.SingleAsync(Ct)).ResolvedBy);
    }

    [Fact]
    public async Task RetryNow_RecordsTheChainAndItsNewJob()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Retry:BaseDelaySeconds"] = "600" });
        await app.StartAsync();
        var chainId = await OpenChainWithPendingRetryAsync(app);

        var result = await app.Get<ErrorCommands>().RetryNowAsync(chainId, "bob", Ct);

        var entry = await SingleEntryAsync(app);
        Assert.Equal((AuditAction.RetryNow, "bob", $"chain #{chainId}, job {result.JobId}"),
            (entry.Action, entry.Actor, entry.Details));
    }

    [Fact]
    public async Task FaultInjection_RecordsWhatWasSet_AndInvalidFaultsChangeNothing()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        var faults = app.Get<SimulatorFaultCommands>();

        var refused = await faults.SetAsync(new SimulatorFaults { ErrorRate = 2 }, "ana", Ct);
        var accepted = await faults.SetAsync(new SimulatorFaults { ErrorRate = 0.5, ErrorStatus = 503, LatencyMs = 200 }, "ana", Ct);

        Assert.Contains("errorRate", refused.Keys);
        Assert.Empty(accepted);
        Assert.Equal(0.5, app.Simulator.Faults.ErrorRate);
        var entry = await SingleEntryAsync(app);
        Assert.Equal((AuditAction.FaultInjection, "error rate 50% (503), latency 200 ms"), (entry.Action, entry.Details));
    }

    /// <summary>A failed run through Hangfire, so the chain has a real pending retry job.</summary>
    private static async Task<long> OpenChainWithPendingRetryAsync(TestApp app)
    {
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        app.Get<IBackgroundJobClient>().Enqueue<SyncJobs>(j => j.RunAsync(SyncType.Incremental, SyncTrigger.Manual, null, CancellationToken.None));
        var chain = await Eventually.ReturnsAsync(async () =>
        {
            await using var db = await app.CreateDbAsync();
            return await db.SyncErrors.SingleOrDefaultAsync(c => c.PendingJobId != null, Ct);
        });
        return chain.Id;
    }

    private static async Task<AuditEntry> SingleEntryAsync(TestApp app)
    {
        await using var db = await app.CreateDbAsync();
        return await db.AuditEntries.SingleAsync(Ct);
    }
}
