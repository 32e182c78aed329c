using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Composition;

/// <summary>A configuration mistake, on the real process (<c>dotnet SyncDashboard.dll</c>): one short paragraph per
/// problem naming the key as it is written and the fix, exit code 1, and no stack trace.</summary>
public sealed class StartupErrorFacts
{
    /// <summary>Start-up on a loaded machine; the child exits long before this when it refuses to start.</summary>
    private static readonly TimeSpan ExitBudget = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Startup_ExitsOne_NamingTheKeys_WhenProductionHasNoUsers()
    {
        var output = await RefusedAsync(Arguments(users: false));

        Assert.Contains("Access:Users:0:PasswordHash", output);
        Assert.Contains("Access:Oidc:Authority", output);
    }

    [Fact]
    public async Task Startup_ExitsOne_NamingTheKey_WhenACronIsInvalid()
    {
        var output = await RefusedAsync([.. Arguments(), "--Sync:IncrementalCron=not a cron"]);

        Assert.Contains("Sync:IncrementalCron = 'not a cron' is not a valid cron expression", output);
    }

    [Fact]
    public async Task Startup_ExitsOne_NamingTheKeyAndRange_WhenANumberIsOutOfRange()
    {
        var output = await RefusedAsync([.. Arguments(), "--Retention:EventDays=0"]);

        Assert.Contains("Retention:EventDays must be between 1 and 36500. It is 0.", output);
        Assert.DoesNotContain("RetentionOptions", output);
    }

    [Fact]
    public async Task Startup_ExitsOne_ListingTheValidProviders_WhenTheProviderIsUnknown()
    {
        var output = await RefusedAsync([.. Arguments(), "--Database:Provider=Oracle"]);

        Assert.Contains("Database:Provider is 'Oracle'", output);
        Assert.Contains($"Use one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.", output);
    }

    [Fact]
    public async Task Startup_ExitsOne_NamingHostAndDatabaseButNotThePassword_WhenTheDatabaseIsUnreachable()
    {
        const string password = "Unguessable-Pa55word";
        var output = await RefusedAsync([.. Arguments(),
            "--Database:Provider=SqlServer",
            // Port 1 on the loopback: nothing listens, the connection is refused at once.
            $"--Database:ConnectionString=Server=127.0.0.1,1;Database=SyncDashboardProbe;User Id=sa;Password={password};Connect Timeout=5;Encrypt=false",
        ]);

        Assert.Contains("cannot connect to the SqlServer server '127.0.0.1,1', database 'SyncDashboardProbe'", output);
        Assert.Contains("Database:ConnectionString", output);
        Assert.DoesNotContain(password, output);
    }

    [Fact]
    public async Task Startup_ExitsOne_NamingTheKey_WhenAUrlIsInvalid()
    {
        var output = await RefusedAsync([.. Arguments(), "--Todoist:BaseUrl=not a url", "--Alerts:DashboardUrl=ftp:/x"]);

        Assert.Contains("Todoist:BaseUrl", output);
        Assert.Contains("Alerts:DashboardUrl", output);
    }

    [Fact]
    public async Task Startup_ReportsEveryProblemAtOnce()
    {
        var output = await RefusedAsync([.. Arguments(),
            "--Sync:IncrementalCron=not a cron", "--Retention:EventDays=0", "--Database:Provider=Oracle"]);

        Assert.Contains("3 problems", output);
        Assert.Contains("Sync:IncrementalCron", output);
        Assert.Contains("Retention:EventDays", output);
        Assert.Contains("Database:Provider", output);
    }

    [Fact]
    public async Task Startup_LogsTheStackTrace_AtTheDebugLevelOnly()
    {
        var output = await RefusedAsync([.. Arguments(), "--Database:Provider=Oracle",
            "--Logging:LogLevel:SyncDashboard.Operations=Debug"]);

        Assert.Contains("Database:Provider", output);
        Assert.Matches(@"\n\s*\+[\d.]+s\s+at ", output);
    }

    private static async Task<string> RefusedAsync(IEnumerable<string> arguments)
    {
        using var app = AppProcess.Start(arguments);
        await app.Exited.WaitAsync(ExitBudget, TestContext.Current.CancellationToken);
        var output = app.Tail();
        Assert.True(app.ExitCode == 1, $"Exit code {app.ExitCode}:{Environment.NewLine}{output}");
        Assert.Contains("SyncDashboard cannot start", output);
        Assert.DoesNotContain("Unhandled exception", output);
        if (!arguments.Any(a => a.Contains("=Debug", StringComparison.Ordinal)))
        {
            // A stack frame reads "   at Namespace.Type.Method(...)".
            Assert.DoesNotMatch(@"\s{2,}at \w+(\.\w+)+", output);
        }
        return output;
    }

    private static List<string> Arguments(bool users = true)
    {
        var arguments = new List<string>
        {
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            $"--Database:ConnectionString=Data Source={TempFiles.NewDatabasePath()}",
            $"--Access:KeysFolder={Path.Combine(TempFiles.Folder, "keys")}",
        };
        if (users) arguments.AddRange(SignInHelper.UserSettings().Select(s => $"--{s.Key}={s.Value}"));
        return arguments;
    }
}
