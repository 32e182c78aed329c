using Microsoft.Playwright;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;
using Xunit;

namespace SyncDashboard.Tests.Browser;

/// <summary>The Simulator page's counters as a reader sees them.</summary>
public sealed class SimulatorCountersPageFacts(ChromiumFixture chromium)
{
    [Fact]
    public async Task Counters_CountTheFaultedCall_AndSayEachNounByItsNumber()
    {
        // A minute's first retry delay keeps it at the one faulted call.
        await using var app = new TestApp(new Dictionary<string, string?> { ["Retry:BaseDelaySeconds"] = "60" });
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        await app.SyncAsync(SyncType.Full);

        await session.OpenLiveAsync("/simulator");

        // The page once read "0 sync calls" next to "1 faults injected".
        var counters = session.Page.Locator("[data-testid=simulator-counters]");
        await Assertions.Expect(counters.Locator("p").First).ToHaveTextAsync(
            "1 sync call: 0 full syncs, 0 incremental syncs, 0 calls refused, 1 fault injected.");
        await Screenshots.TakeAsync(session.Page, "simulator-one-fault.png");
        Assert.Empty(session.Problems);
    }
}
