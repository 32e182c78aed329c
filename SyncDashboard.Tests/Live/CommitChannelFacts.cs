using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Live;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Live;

/// <summary>Two app nodes on one PostgreSQL database with their watermark pollers off: a run on one reaches the other's
/// pages through LISTEN/NOTIFY alone.</summary>
public sealed class CommitChannelFacts
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task SyncOnAnotherNode_ReachesThisNode_WithoutPolling()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await EmptyDatabase.CreateAsync(TestProvider.PostgreSql, ct);
        var settings = new Dictionary<string, string?>(database.AppSettings()) { ["Live:PollIntervalMs"] = "0" };
        await using var nodeA = new TestApp(settings, database.Name);
        await using var nodeB = new TestApp(settings, database.Name);
        await nodeA.StartAsync();
        await nodeB.StartAsync();
        await nodeB.Get<CommitChannel>().Listening.WaitAsync(Bound, ct);
        await nodeA.Get<CommitChannel>().Listening.WaitAsync(Bound, ct);
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        nodeB.Get<MonitoringNotifier>().Changed += () =>
        {
            heard.TrySetResult();
            return Task.CompletedTask;
        };

        var outcome = await nodeA.SyncAsync();

        Assert.Equal(SyncOutcomeKind.Succeeded, outcome.Kind);
        await heard.Task.WaitAsync(Bound, ct);
    }

    [Fact]
    public async Task Channel_StaysOff_OnSqlite()
    {
        await using var node = new TestApp();
        await node.StartAsync();

        Assert.False(node.Get<CommitChannel>().Listening.IsCompleted);
        Assert.Null(node.Get<MonitoringNotifier>().AfterAnnouncedChange);
    }
}
