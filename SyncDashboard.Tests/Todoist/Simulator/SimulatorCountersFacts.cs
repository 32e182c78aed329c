using System.Net;
using SyncDashboard.Todoist.Simulator;
using Xunit;

namespace SyncDashboard.Tests.Todoist.Simulator;

/// <summary>The simulator's counters over real HTTP: every call to the sync endpoint is a sync call, counted once
/// more by how it was answered.</summary>
public sealed class SimulatorCountersFacts
{
    [Fact]
    public async Task SyncCalls_CountACallAnsweredWithAnInjectedFault()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };

        using var response = await sim.PostFormAsync("*");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(new SimulatorCounters(SyncCalls: 1, FullSyncs: 0, IncrementalSyncs: 0, Refused: 0, FaultsInjected: 1, Changes: 0, Announced: 0),
            sim.Simulator.Counters);
    }

    [Fact]
    public async Task Answers_AddUpToTheSyncCalls_WhateverTheAnswer()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var full = await sim.SyncAsync("*");
        await sim.SyncAsync(full.SyncToken!);
        // Refused by the simulator: a wrong token; a body it cannot read (never reaching the account).
        (await sim.PostFormAsync("*", bearer: "wrong")).Dispose();
        using var unreadable = await sim.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/sync")
        {
            Content = new StringContent("sync_token=*", System.Text.Encoding.UTF8, "text/plain"),
        });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unreadable.StatusCode);
        // Faulted: an injected error, then a malformed body.
        sim.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        (await sim.PostFormAsync("*")).Dispose();
        sim.Simulator.Faults = new SimulatorFaults { MalformedRate = 1 };
        (await sim.PostFormAsync("*")).Dispose();

        var counters = sim.Simulator.Counters;

        Assert.Equal((6, 1, 1, 2, 2),
            (counters.SyncCalls, counters.FullSyncs, counters.IncrementalSyncs, counters.Refused, counters.FaultsInjected));
        Assert.Equal(counters.SyncCalls, counters.FullSyncs + counters.IncrementalSyncs + counters.Refused + counters.FaultsInjected);
    }
}
