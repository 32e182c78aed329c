using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>The whole app over a fresh SQLite file, quiet by default: demo mode, no simulator activity, no scheduled
/// or start-up syncs. Use it as a class fixture, or new one up; add settings with <see cref="With"/> before it starts.
/// </summary>
public class TestApp : WebApplicationFactory<Program>
{
    /// <summary>A cron that never fires (31 February), so only the test decides when a sync runs.</summary>
    public const string NeverCron = "0 0 31 2 *";

    private readonly Dictionary<string, string?> settings;
    private bool started;

    public TestApp()
    {
        DatabaseFile = Path.Combine(Path.GetTempPath(), $"syncdashboard-test-{Guid.NewGuid():N}.db");
        settings = new()
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={DatabaseFile}",
            ["Simulator:Url"] = "http://127.0.0.1:0",
            ["Simulator:ChangeIntervalSeconds"] = "0",
            ["Sync:SyncOnStartup"] = "false",
            ["Sync:IncrementalCron"] = NeverCron,
            ["Sync:DemoIncrementalCron"] = NeverCron,
            ["Sync:FullCron"] = NeverCron,
            ["Todoist:ApiToken"] = "",
        };
    }

    public string DatabaseFile { get; }

    /// <summary>Adds or overrides a setting; only before the app starts.</summary>
    public TestApp With(string key, string? value)
    {
        if (started) throw new InvalidOperationException($"Set '{key}' before the app starts.");
        settings[key] = value;
        return this;
    }

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        started = true;
        // UseSetting reaches the app as command-line arguments: it wins over appsettings.json and is visible to
        // the setup code that reads configuration while services are registered (ConfigureAppConfiguration is not).
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        // The factory runs the app as Development, which also serves the static web assets (MudBlazor's _content,
        // blazor.web.js) from the build's manifest, as `dotnet run` does.
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        // Pooled connections keep the file open; let go of them so the file can go.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(DatabaseFile + suffix); }
            catch (IOException) { } // A leftover temp file is harmless.
        }
    }
}
