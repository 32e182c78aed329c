using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Data;
using SyncDashboard.Live;
using SyncDashboard.Sync;

namespace SyncDashboard.Benchmarks;

/// <summary>The whole app on Kestrel on a free port, over a fresh SQLite file, in demo mode with a fault-free simulator
/// and no schedule, so the only runs are the ones the measurement makes. Counts open circuits.</summary>
/// <param name="production">Run as a deployment does (the Production environment): fingerprinted scripts and styles are
/// cached by the browser for good, where Development has it ask again on every visit, and no development-time
/// diagnostics run. The static web assets still come from the build's manifest.</param>
public sealed class LiveApp(string databaseFile, IDictionary<string, string?>? overrides = null, bool production = false)
    : WebApplicationFactory<MonitoringNotifier> // any type of the app's assembly: its entry point is found from it
{
    public const string NeverCron = "0 0 31 2 *";

    public CircuitCounter Circuits => Services.GetRequiredService<CircuitCounter>();

    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    /// <summary>One incremental run through the engine, as a Hangfire job would make it.</summary>
    public async Task<SyncOutcome> SyncAsync(CancellationToken ct)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SyncEngine>()
            .RunAsync(new SyncRequest(SyncType.Incremental, SyncTrigger.Manual), ct);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the static web assets from the build's manifest, as `dotnet run` does; Production needs
        // to be told to.
        builder.UseEnvironment(production ? "Production" : "Development");
        if (production) builder.UseStaticWebAssets();
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={databaseFile}",
            ["Todoist:ApiToken"] = "",
            ["Simulator:Url"] = "http://127.0.0.1:0",
            ["Simulator:ChangeIntervalSeconds"] = "0",
            ["Simulator:InjectFaults"] = "false",
            ["Simulator:Tasks"] = "150",
            ["Sync:SyncOnStartup"] = "false",
            ["Sync:IncrementalCron"] = NeverCron,
            ["Sync:DemoIncrementalCron"] = NeverCron,
            ["Sync:FullCron"] = NeverCron,
            ["Rollups:Cron"] = NeverCron,
            ["Retention:Cron"] = NeverCron,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<CircuitCounter>();
            services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitCounter>());
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}

public sealed class CircuitCounter : CircuitHandler
{
    private int open;

    public int Open => Volatile.Read(ref open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref open);
        return Task.CompletedTask;
    }
}
