using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SyncDashboard.Live;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Live;

/// <summary>Two app nodes over one SQLite file or one PostgreSQL database, as nodes share one server: a run on one must reach the pages
/// of the other through its watermark poller.</summary>
public sealed class WatermarkPollerFacts
{
    private static readonly Dictionary<string, string?> FastPolling = new() { ["Live:PollIntervalMs"] = "100" };
    private static readonly TimeSpan Bound = TestTimeouts.Scaled(TimeSpan.FromSeconds(10));

    [Theory, BothProviders]
    public async Task SyncOnAnotherNode_RaisesThisNodesNotifier(TestProvider provider)
    {
        await using var database = await EmptyDatabase.CreateAsync(provider, TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string?>(FastPolling.Concat(database.AppSettings()));
        await using var nodeA = new TestApp(settings, database.Name);
        await using var nodeB = new TestApp(settings, database.Name);
        await nodeA.StartAsync();
        await nodeB.StartAsync();
        await PollerOf(nodeB).Ready.WaitAsync(Bound, TestContext.Current.CancellationToken);
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        nodeB.Get<MonitoringNotifier>().Changed += () =>
        {
            heard.TrySetResult();
            return Task.CompletedTask;
        };

        var outcome = await nodeA.SyncAsync();

        Assert.Equal(SyncOutcomeKind.Succeeded, outcome.Kind);
        await heard.Task.WaitAsync(Bound, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task OwnSync_IsNotAnnouncedTwice()
    {
        await using var node = new TestApp(FastPolling);
        await node.StartAsync();
        await PollerOf(node).Ready.WaitAsync(Bound, TestContext.Current.CancellationToken);
        var raised = 0;
        node.Get<MonitoringNotifier>().Changed += () =>
        {
            Interlocked.Increment(ref raised);
            return Task.CompletedTask;
        };

        await node.SyncAsync();
        var announced = Volatile.Read(ref raised);
        // Many poll intervals: a poller that mistook this node's own commits for another node's would have fired.
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);

        Assert.True(announced > 0, "The engine announces its commits.");
        Assert.Equal(announced, Volatile.Read(ref raised));
    }

    [Fact]
    public async Task Poller_StaysOff_WhenTheIntervalIsZero()
    {
        await using var node = new TestApp(new Dictionary<string, string?> { ["Live:PollIntervalMs"] = "0" });
        await node.StartAsync();

        var poller = PollerOf(node);

        Assert.False(poller.Ready.IsCompleted);
        Assert.Null(node.Get<MonitoringNotifier>().BeforeAnnouncedChange);
    }

    [Fact]
    public async Task Start_FailsNamingTheKey_WhenTheIntervalIsNegative()
    {
        await using var node = new TestApp(new Dictionary<string, string?> { ["Live:PollIntervalMs"] = "-5" });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => node.StartAsync());

        Assert.Contains("PollIntervalMs", error.ToString());
    }

    private static WatermarkPoller PollerOf(TestApp app) =>
        app.Services.GetServices<IHostedService>().OfType<WatermarkPoller>().Single();
}
