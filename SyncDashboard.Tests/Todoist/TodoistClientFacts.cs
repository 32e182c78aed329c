using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Todoist.Simulator;
using SyncDashboard.Todoist;

namespace SyncDashboard.Tests.Todoist;

/// <summary>The client as the app registers it (AddTodoist), pointed at the simulator over real HTTP, the way it
/// would point at api.todoist.com with a real token.</summary>
public sealed class TodoistClientFacts
{
    private const string WrongToken = "0123456789abcdef-not-the-simulator-token";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sync_ThrowsCredentials_WhenTodoistAnswers403()
    {
        await using var simulator = await SimulatorHarness.StartAsync();
        using var host = ClientHost(simulator.Address, WrongToken, new CapturingLoggerProvider());

        var error = await Assert.ThrowsAsync<TodoistApiException>(() =>
            host.Services.GetRequiredService<TodoistClient>().SyncAsync(TodoistClient.FullSyncToken, Ct));

        Assert.Equal(FailureKind.Credentials, error.Kind);
        Assert.Equal(403, error.HttpStatus);
        Assert.Equal("AUTH_INVALID_TOKEN", error.ErrorTag);
        Assert.DoesNotContain(WrongToken, error.Message);
    }

    [Fact]
    public async Task Sync_ReturnsAFullSnapshot_ThenOnlyChanges()
    {
        await using var simulator = await SimulatorHarness.StartAsync();
        using var host = ClientHost(simulator.Address, SimulatorHarness.Token, new CapturingLoggerProvider());
        var client = host.Services.GetRequiredService<TodoistClient>();

        var full = await client.SyncAsync(TodoistClient.FullSyncToken, Ct);
        var activeTasks = simulator.Simulator.Snapshot().Items.Count(i => !i.Checked);
        simulator.Simulator.ApplyRandomChanges(5);
        var delta = await client.SyncAsync(full.SyncToken!, Ct);

        Assert.True(full.FullSync);
        Assert.NotNull(full.FullSyncDateUtc);
        Assert.Equal(activeTasks, full.Items!.Count);
        Assert.False(delta.FullSync);
        Assert.InRange(delta.ObjectCount, 1, 30);
        Assert.NotEqual(full.SyncToken, delta.SyncToken);
    }

    [Fact]
    public async Task TheToken_NeverReachesTheLogs_EvenAtTraceLevel()
    {
        await using var simulator = await SimulatorHarness.StartAsync();
        var logs = new CapturingLoggerProvider();
        using (var good = ClientHost(simulator.Address, SimulatorHarness.Token, logs))
        {
            await good.Services.GetRequiredService<TodoistClient>().SyncAsync(TodoistClient.FullSyncToken, Ct);
        }
        using (var bad = ClientHost(simulator.Address, WrongToken, logs))
        {
            await Assert.ThrowsAsync<TodoistApiException>(() =>
                bad.Services.GetRequiredService<TodoistClient>().SyncAsync(TodoistClient.FullSyncToken, Ct));
        }

        Assert.Contains(logs.Lines, l => l.Contains("Authorization", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(SimulatorHarness.Token) || l.Contains(WrongToken));
    }

    private static IHost ClientHost(Uri todoist, string token, CapturingLoggerProvider logs)
    {
        // Empty: no appsettings.json whose log filters would hide the HttpClient's trace lines from this test.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Todoist:ApiToken"] = token,
            ["Todoist:BaseUrl"] = todoist.ToString(),
        });
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddTodoist();
        return builder.Build(); // not started: with a token set, the simulator stays off anyway
    }
}
