using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist;

namespace SyncDashboard.Tests.Composition;

public sealed class StartupFacts
{
    [Fact]
    public async Task App_Boots_WithNoConfigurationOfItsOwn()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        using var client = app.CreateClient();

        var page = await client.GetAsync("/", TestContext.Current.CancellationToken);
        var state = await client.GetAsync("/api/monitoring/state", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, state.StatusCode);
        Assert.True(app.Get<TodoistTargetResolver>().IsDemoMode);
    }

    /// <summary>The one appsettings.json at the repository root is what the app binds: one file for dotnet run,
    /// the tests and the Docker image.</summary>
    [Fact]
    public async Task RootAppSettings_IsTheFileTheAppBinds()
    {
        var root = RepositoryRoot.Path;
        var rootFile = Path.Combine(root, "appsettings.json");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(rootFile, TestContext.Current.CancellationToken));
        var sync = json.RootElement.GetProperty("Sync");

        await using var app = new TestApp();
        await app.StartAsync();
        var configuration = app.Get<IConfiguration>();

        // Code defaults never show up in IConfiguration: these values can only have come from the file.
        Assert.Equal(sync.GetProperty("RunTimeoutSeconds").GetInt32().ToString(), configuration["Sync:RunTimeoutSeconds"]);
        Assert.Equal(json.RootElement.GetProperty("Simulator").GetProperty("Token").GetString(), configuration["Simulator:Token"]);
        Assert.Equal(sync.GetProperty("RunTimeoutSeconds").GetInt32(), app.Get<IOptions<SyncOptions>>().Value.RunTimeoutSeconds);

        // …and the file loaded is a copy of the root one, not another file somewhere.
        var provider = ((IConfigurationRoot)configuration).Providers.OfType<JsonConfigurationProvider>()
            .Single(p => p.Source.Path == "appsettings.json");
        var loaded = provider.Source.FileProvider!.GetFileInfo("appsettings.json").PhysicalPath!;
        Assert.Equal(await File.ReadAllTextAsync(rootFile, TestContext.Current.CancellationToken),
            await File.ReadAllTextAsync(loaded, TestContext.Current.CancellationToken));
        Assert.False(File.Exists(Path.Combine(root, "SyncDashboard", "appsettings.json")),
            "A second appsettings.json in the project folder would shadow the root one under dotnet run.");
    }

    [Fact]
    public async Task Startup_Fails_NamingTheKey_WhenTheProviderIsUnknown()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });
        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);
        Assert.Contains("Database:Provider", Flatten(error));
    }

    [Fact]
    public async Task Startup_Fails_NamingTheKey_WhenACronIsInvalid()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Sync:IncrementalCron"] = "every five minutes" });
        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);
        Assert.Contains("Sync:IncrementalCron", Flatten(error));
    }

    [Fact]
    public async Task Startup_Fails_NamingTheKey_WhenSqlServerHasNoConnectionString()
    {
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["Database:ConnectionString"] = "",
        });
        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);
        Assert.Contains("Database:ConnectionString", Flatten(error));
    }

    [Fact]
    public async Task Startup_Fails_NamingTheKey_WhenATimeoutIsOutOfRange()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Todoist:RequestTimeoutSeconds"] = "0" });
        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);
        Assert.Contains("RequestTimeoutSeconds", Flatten(error));
    }

    /// <summary>The app's own <c>Run()</c> starts the host on another thread as soon as it is built. Invalid
    /// configuration fails that start at once and <c>Run()</c> disposes the host; a test thread that a loaded machine
    /// held back for a moment then found a disposed <c>IServiceProvider</c> instead of the error naming the key.</summary>
    /// <summary>Settings nested one or two levels down are validated too, each failure naming its full key
    /// (ValidateDataAnnotations alone checks the top level only).</summary>
    [Theory]
    [InlineData("Simulator:Faults:ErrorRate", "5")]
    [InlineData("Simulator:Webhooks:DropRate", "-1")]
    [InlineData("Webhooks:RateLimit:PermitsPerMinute", "-5")]
    [InlineData("Alerts:Webhook:TimeoutSeconds", "0")]
    public async Task Startup_Fails_NamingTheFullKey_WhenANestedSettingIsOutOfRange(string key, string value)
    {
        await using var app = new TestApp(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);

        Assert.Contains(key, Flatten(error));
    }

    [Fact]
    public async Task Startup_Fails_NamingTheKey_EvenWhenTheTestThreadIsLate()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var app = new TestApp(new Dictionary<string, string?>
            {
                ["Alerts:Email:Host"] = "127.0.0.1",
                ["Alerts:Email:From"] = "dashboard@example.test",
                ["Alerts:Email:To:0"] = "not-an-address",
            }) { AfterBuild = () => Thread.Sleep(TimeSpan.FromMilliseconds(500)) };

            var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);

            Assert.Contains("Alerts:Email:To:0", Flatten(error));
        }
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : "");
}
