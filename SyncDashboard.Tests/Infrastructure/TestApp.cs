using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>The whole app over a fresh SQLite file, in demo mode, its simulator on a free port with no activity of
/// its own, and no recurring sync or housekeeping job that could fire during a test. Real Hangfire, real HTTP to the
/// simulator.</summary>
public class TestApp : WebApplicationFactory<Program>
{
    /// <summary>A schedule that never fires (31 February).</summary>
    public const string NeverCron = "0 0 31 2 *";

    private readonly Dictionary<string, string?> settings;
    private readonly bool ownsDatabase;
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool started;

    /// <summary>The one public constructor, so the app can also be an xunit class fixture.</summary>
    public TestApp() : this(null) { }

    internal TestApp(IDictionary<string, string?>? overrides, string? databaseFile = null)
    {
        DatabaseFile = databaseFile ?? TempFiles.NewDatabasePath();
        ownsDatabase = databaseFile is null;
        settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={DatabaseFile}",
            ["Todoist:ApiToken"] = "",
            ["Simulator:Url"] = "http://127.0.0.1:0",
            ["Simulator:ChangeIntervalSeconds"] = "0",
            ["Simulator:InjectFaults"] = "false",
            // Only the webhook tests want the simulator posting deliveries (and the syncs they cause).
            ["Simulator:Webhooks:Enabled"] = "false",
            ["Simulator:Tasks"] = "150",
            ["Sync:SyncOnStartup"] = "false",
            ["Sync:IncrementalCron"] = NeverCron,
            ["Sync:DemoIncrementalCron"] = NeverCron,
            ["Sync:FullCron"] = NeverCron,
            ["Rollups:Cron"] = NeverCron,
            ["Retention:Cron"] = NeverCron,
            // Data-protection keys (they encrypt the sign-in cookie) in the run's temp folder, not the project's.
            ["Access:KeysFolder"] = Path.Combine(TempFiles.Folder, "keys"),
            ["Alerts:EvaluationCron"] = NeverCron,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
    }

    public string DatabaseFile { get; }

    /// <summary>Runs between building the host and starting it: a test stands in here for a loaded machine that
    /// descheduled the test's thread while the app's own thread ran on.</summary>
    internal Action? AfterBuild { get; init; }

    /// <summary>Development by default (no sign-in unless users are configured); access tests use Production.</summary>
    internal string EnvironmentName { get; init; } = "Development";

    /// <summary>Starts the app on Kestrel on a free port (a browser cannot reach the in-memory test server) and
    /// returns its address. Idempotent.</summary>
    public Uri StartOnRealPort()
    {
        if (!started)
        {
            started = true;
            UseKestrel(0);
            StartServer();
        }
        return ClientOptions.BaseAddress;
    }

    public TodoistSimulator Simulator => Services.GetRequiredService<TodoistSimulator>();

    /// <summary>Starts the host (and with it the simulator) and returns the simulator's real address.</summary>
    public async Task<Uri> StartAsync()
    {
        _ = Services; // builds and starts the host
        return await Services.GetRequiredService<SimulatorEndpoint>()
            .WhenStartedAsync(TestContext.Current.CancellationToken).WaitAsync(TestTimeouts.Process);
    }

    public async Task<MonitoringDbContext> CreateDbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<MonitoringDbContext>>().CreateDbContextAsync();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>One sync run straight through the engine, without Hangfire, in a DI scope of its own as a job has.</summary>
    public async Task<SyncOutcome> SyncAsync(
        SyncType type = SyncType.Incremental, SyncTrigger trigger = SyncTrigger.Manual, long? chainId = null)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SyncEngine>()
            .RunAsync(new SyncRequest(type, trigger, ChainId: chainId), TestContext.Current.CancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        started = true;
        // Development also serves the static web assets (MudBlazor's _content, blazor.web.js) from the build's
        // manifest, as `dotnet run` does.
        builder.UseEnvironment(EnvironmentName);
        // Outside Development the host would serve only published assets; tests run from the build output.
        if (EnvironmentName != "Development") builder.UseStaticWebAssets();
        // Added last, so these win over appsettings.json (UseSetting would not: host settings are read first).
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<Hangfire.Logging.ILogProvider, QuietHangfireLogs>();
            StartGate.Install(services, listening.Task);
            ConfigureTestServices(services);
        });
    }

    /// <summary>Builds and starts the host through the base class (which also points Kestrel at the requested
    /// port), but lets the app start only once the factory listens for the outcome. With top-level statements the
    /// app's own <c>app.Run()</c> starts the host, on another thread, as soon as it is built; the factory's
    /// <c>Start()</c> then subscribes to that start through <c>host.Services</c>. When the start fails fast (invalid
    /// configuration) <c>Run()</c> disposes the host, and a factory that got there late (a loaded machine) met a
    /// disposed <c>IServiceProvider</c> instead of the error that names the key. See <see cref="StartGate"/>.</summary>
    protected override IHost CreateHost(IHostBuilder builder) =>
        base.CreateHost(new StartGate.Builder(builder, AfterBuild, () => listening.TrySetResult()));

    /// <summary>A hook for tests that need to add to the app's services (an interceptor, a fake clock).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services) { }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        // A file handed in outlives this host: the test that made it hands it to the next host (a restart).
        if (ownsDatabase) TempFiles.DeleteDatabase(DatabaseFile);
        GC.SuppressFinalize(this);
    }
}
