using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Todoist.Simulator;
using SyncDashboard.Todoist.Simulator;
using SyncDashboard.Webhooks;

namespace SyncDashboard.Tests.MultiNode;

/// <summary>Three app processes on one PostgreSQL database, each a Hangfire server on the shared queue, syncing one
/// simulator account that outlives them: what a server database allows and one SQLite file hides (two nodes taking
/// the lease at once, a job taken twice, a job lost with its node).</summary>
/// <summary>Three app processes take both cores: run alone, so the browser tests' time-outs do not measure them.</summary>
[CollectionDefinition(nameof(MultiNodeFacts), DisableParallelization = true)]
public sealed class MultiNodeCollection;

[Collection(nameof(MultiNodeFacts))]
public sealed class MultiNodeFacts(ITestOutputHelper output)
{
    private const int Nodes = 3;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoHundredTriggersAtOnce_OverThreeNodes_NeverOverlap_AndEachIsAccountedFor()
    {
        PostgresServer.Require();
        await using var harness = await SimulatorHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:Tasks"] = "500",
            ["Simulator:FullSyncLimit"] = "100000",
        }, realClock: true);
        await using var cluster = await NodeCluster.StartAsync(Nodes, harness);
        try
        {
            // Sync now (manual), schedule and webhook triggers, all enqueued at once into the shared queue.
            var jobs = new List<(string Id, string Kind)>();
            for (var i = 0; i < 200; i++)
            {
                var (id, kind) = (i % 5) switch
                {
                    0 => (cluster.Enqueue<WebhookSyncJob>(j => j.RunAsync(null, CancellationToken.None)), "webhook"),
                    1 => (cluster.Enqueue<SyncJobs>(j => j.RunAsync(SyncType.Incremental, SyncTrigger.Schedule, null, CancellationToken.None)), "schedule"),
                    2 => (cluster.Enqueue<SyncJobs>(j => j.RunAsync(SyncType.Full, SyncTrigger.Manual, null, CancellationToken.None)), "manual"),
                    _ => (cluster.Enqueue<SyncJobs>(j => j.RunAsync(SyncType.Incremental, SyncTrigger.Manual, null, CancellationToken.None)), "manual"),
                };
                jobs.Add((id, kind));
                // The account keeps changing while they run.
                if (i % 20 == 0) harness.Simulator.ApplyRandomChanges(10);
            }

            var states = await cluster.WaitForJobsAsync(jobs.Select(j => j.Id).ToList(), TestTimeouts.Scaled(TimeSpan.FromMinutes(5)));

            await using var db = cluster.Open();
            var events = await db.SyncEvents.AsNoTracking().ToListAsync(Ct);
            var ran = events.Where(e => e.JobId is not null).Select(e => e.JobId!).ToHashSet();
            var succeeded = jobs.Count(j => states.GetValueOrDefault(j.Id) == "Succeeded");
            var ranCount = jobs.Count(j => ran.Contains(j.Id));
            var coalesced = jobs.Count(j => j.Kind == "webhook" && !ran.Contains(j.Id));
            var skipped = jobs.Count(j => j.Kind != "webhook" && !ran.Contains(j.Id));
            var overlaps = RunOverlap.Count(events);
            var nodesThatRan = events.Select(e => e.Node).Distinct().Count();
            output.WriteLine($"200 triggers over {Nodes} nodes: ran {ranCount}, skipped by the lease {skipped}, " +
                             $"coalesced {coalesced}, jobs succeeded {succeeded}, overlaps {overlaps}, " +
                             $"nodes that ran a sync {nodesThatRan}, events {events.Count}");

            // Every trigger's job finished, exactly once: it ran (one event), or found the lease taken, or (a
            // webhook sync with no delivery left to claim) was coalesced into another run.
            Assert.Equal(200, succeeded);
            Assert.Equal(200, ranCount + skipped + coalesced);
            Assert.True(events.Where(e => e.JobId is not null).GroupBy(e => e.JobId).All(g => g.Count() == 1),
                "a job ran twice");
            Assert.Equal(0, overlaps);
            Assert.DoesNotContain(events, e => e.Status == SyncStatus.Started);
            Assert.True(ranCount > 0);
            var state = await db.SyncStates.AsNoTracking().SingleAsync(s => s.Service == "todoist", Ct);
            Assert.Null(state.LeaseOwner);
        }
        catch
        {
            output.WriteLine(cluster.Tails());
            throw;
        }
        finally
        {
            await cluster.StopAllAsync();
        }
    }

    private const int Kills = 30;

    // A node killed inside a job's state change leaves Hangfire's lock row for that job behind. Before locks expired
    // after Database:JobLockTimeoutSeconds and taken jobs were renewed (sliding invisibility), every worker that took
    // that job slept on its lock, one more each invisibility time-out, until no node fetched anything for minutes.
    [Fact]
    public async Task NodesKilledMidRun_AndReplaced_LoseNoJob_LeaveNothingOpen_AndTheMirrorEqualsTheAccount()
    {
        PostgresServer.Require();
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CRASH_TEST_SEED"), out var fixedSeed)
            ? fixedSeed : Random.Shared.Next();
        var random = new Random(seed);
        await using var harness = await SimulatorHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:Tasks"] = "1500",
            ["Simulator:FullSyncLimit"] = "100000",
        }, realClock: true);
        await using var cluster = await NodeCluster.StartAsync(Nodes, harness, "--Retry:BaseDelaySeconds=3", "--Retry:JitterRatio=0");
        var jobs = new List<string>();
        var midRun = 0;
        try
        {
            using var stopTriggers = new CancellationTokenSource();
            // Sync now, again and again, while nodes die: the shared queue always has work for whoever is alive.
            var triggers = Task.Run(async () =>
            {
                while (!stopTriggers.IsCancellationRequested)
                {
                    var type = random.Next(6) == 0 ? SyncType.Full : SyncType.Incremental;
                    var id = cluster.Enqueue<SyncJobs>(j => j.RunAsync(type, SyncTrigger.Manual, null, CancellationToken.None));
                    lock (jobs) jobs.Add(id);
                    await Task.Delay(250, CancellationToken.None);
                }
            }, Ct);

            for (var kill = 0; kill < Kills; kill++)
            {
                harness.Simulator.Faults = new SimulatorFaults { LatencyMs = random.Next(4) * 150 };
                harness.Simulator.ApplyRandomChanges(random.Next(5, 40));
                // The victim is the node in a run now, when there is one within the bound.
                var running = await cluster.RunningNodeAsync(TestTimeouts.Scaled(TimeSpan.FromSeconds(60)));
                var victim = running ?? cluster.Nodes[random.Next(cluster.Nodes.Count)];
                if (running is not null)
                {
                    midRun++;
                    await Task.Delay(random.Next(0, 300), Ct);
                }
                await cluster.KillAndReplaceAsync(victim);
            }

            // A retry chain opened on a node that then dies is continued by another.
            harness.Simulator.Faults = new SimulatorFaults { ErrorRate = 1.0, ErrorStatus = 503 };
            var failing = cluster.Enqueue<SyncJobs>(j => j.RunAsync(SyncType.Incremental, SyncTrigger.Manual, null, CancellationToken.None));
            lock (jobs) jobs.Add(failing);
            var (chainId, openedOn) = await OpenChainAsync(cluster, TestTimeouts.Scaled(TimeSpan.FromMinutes(2)));
            var opener = cluster.Nodes.SingleOrDefault(n => n.Node == openedOn);
            if (opener is not null) await cluster.KillAndReplaceAsync(opener);
            harness.Simulator.Faults = new SimulatorFaults();
            var resolvedBy = await ChainResolvedByAsync(cluster, chainId, TestTimeouts.Scaled(TimeSpan.FromMinutes(3)));

            await stopTriggers.CancelAsync();
            await triggers;
            // The account stops changing; one last full sync catches up with it.
            var last = cluster.Enqueue<SyncJobs>(j => j.RunAsync(SyncType.Full, SyncTrigger.Manual, null, CancellationToken.None));
            List<string> all;
            lock (jobs) all = [.. jobs, last];
            var phases = System.Diagnostics.Stopwatch.StartNew();
            var states = await cluster.WaitForJobsAsync(all, TestTimeouts.Scaled(TimeSpan.FromMinutes(4)));
            output.WriteLine($"jobs finished {phases.Elapsed.TotalSeconds:0} s after the last kill");
            // The last job may have met a run holding the lease; then one more until one runs.
            await cluster.CatchUpAsync(TestTimeouts.Scaled(TimeSpan.FromMinutes(3)));
            await cluster.StopAllAsync();

            await using var db = cluster.Open();
            var events = await db.SyncEvents.AsNoTracking().ToListAsync(Ct);
            var lost = all.Count(id => states.GetValueOrDefault(id) != "Succeeded");
            if (lost > 0) output.WriteLine("Jobs that did not succeed:" + Environment.NewLine + await cluster.UnsucceededJobsAsync(all));
            var overlaps = RunOverlap.Count(events);
            var abandoned = events.Count(e => e.ErrorCode == "ABANDONED");
            var rerun = events.Where(e => e.JobId is not null).GroupBy(e => e.JobId).Count(g => g.Count() > 1);
            var mirrorDifferences = await MirrorDifferences.CountAsync(db, harness.Simulator, Ct);
            output.WriteLine($"seed {seed}: kills {Kills} ({midRun} mid-run), jobs {all.Count}, lost {lost}, " +
                             $"runs {events.Count}, abandoned {abandoned}, jobs run again after their node died {rerun}, " +
                             $"overlaps {overlaps}, mirror differences {mirrorDifferences}, chain #{chainId} opened on " +
                             $"{openedOn}, resolved on {resolvedBy}");

            Assert.Equal(0, lost);
            Assert.Equal(0, overlaps);
            Assert.DoesNotContain(events, e => e.Status == SyncStatus.Started);
            var state = await db.SyncStates.AsNoTracking().SingleAsync(s => s.Service == "todoist", Ct);
            Assert.Null(state.LeaseOwner);
            Assert.NotEqual(openedOn, resolvedBy);
            Assert.True(midRun >= Kills / 2, $"only {midRun} of {Kills} kills landed in a run");
            Assert.Equal(0, mirrorDifferences);
            await MirrorAssert.EqualsAccountAsync(db, harness.Simulator);
        }
        catch (Exception ex)
        {
            output.WriteLine($"seed {seed} (rerun with CRASH_TEST_SEED={seed}): {ex.Message}");
            output.WriteLine("Sessions on the database:" + Environment.NewLine + await cluster.SessionsAsync());
            output.WriteLine(cluster.Tails());
            throw;
        }
        finally
        {
            await cluster.StopAllAsync();
        }
    }

    private static async Task<(long ChainId, string? Node)> OpenChainAsync(NodeCluster cluster, TimeSpan bound)
    {
        var found = await Eventually.ReturnsAsync(async () =>
        {
            await using var db = cluster.Open();
            var chain = await db.SyncErrors.AsNoTracking()
                .Where(c => c.ResolvedUtc == null && c.PendingJobId != null).OrderByDescending(c => c.Id).FirstOrDefaultAsync(Ct);
            if (chain is null) return null;
            var node = await db.SyncEvents.AsNoTracking().Where(e => e.ErrorChainId == chain.Id)
                .OrderByDescending(e => e.Id).Select(e => e.Node).FirstOrDefaultAsync(Ct);
            return Tuple.Create(chain.Id, node);
        }, bound);
        return (found.Item1, found.Item2);
    }

    /// <summary>The node of the run that resolved the chain.</summary>
    private static async Task<string?> ChainResolvedByAsync(NodeCluster cluster, long chainId, TimeSpan bound)
    {
        var resolved = await Eventually.ReturnsAsync(async () =>
        {
            await using var db = cluster.Open();
            if (!await db.SyncErrors.AnyAsync(c => c.Id == chainId && c.ResolvedUtc != null, Ct)) return null;
            return await db.SyncEvents.AsNoTracking()
                .Where(e => e.ErrorChainId == chainId && e.Status == SyncStatus.Succeeded)
                .OrderByDescending(e => e.Id).Select(e => e.Node).FirstOrDefaultAsync(Ct) ?? "?";
        }, bound);
        return resolved;
    }
}
