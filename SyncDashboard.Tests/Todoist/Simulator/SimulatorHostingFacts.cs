using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Configuration;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Simulator;
using Xunit;

namespace SyncDashboard.Tests.Todoist.Simulator;

/// <summary>When the simulator's listener and activity run, and when they stay off.</summary>
public sealed class SimulatorHostingFacts
{
    [Fact]
    public async Task Host_DoesNotListen_WhenATodoistTokenIsConfigured()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = BuildHost(new() { ["Todoist:ApiToken"] = "real-token" }, new FakeTimeProvider());

        await host.StartAsync(ct);
        try
        {
            Assert.Null(host.Services.GetRequiredService<SimulatorEndpoint>().Address);
        }
        finally
        {
            await host.StopAsync(ct);
        }
    }

    [Fact]
    public async Task Activity_AppliesChangesEveryInterval_WhenInDemoMode()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(SimulatorHarness.Start);
        using var host = BuildHost(new() { ["Simulator:ChangeIntervalSeconds"] = "5", ["Simulator:ChangesPerTick"] = "3" }, time);
        var simulator = host.Services.GetRequiredService<TodoistSimulator>();
        await host.StartAsync(ct);
        try
        {
            // ExecuteAsync starts on a background thread, so the timer may not exist yet: keep the clock moving.
            for (var i = 0; i < 500 && simulator.Counters.Changes < 6; i++)
            {
                time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(5, ct);
            }

            Assert.True(simulator.Counters.Changes >= 6);
            Assert.Equal(0, simulator.Counters.Changes % 3);
        }
        finally
        {
            await host.StopAsync(ct);
        }
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, FakeTimeProvider time)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:Url"] = "http://127.0.0.1:0",
            ["Simulator:Tasks"] = "50",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddTodoistOptions();
        builder.Services.AddValidatedOptions<SimulatorOptions>(SimulatorOptions.Section);
        builder.AddTodoistSimulator();
        return builder.Build();
    }
}
