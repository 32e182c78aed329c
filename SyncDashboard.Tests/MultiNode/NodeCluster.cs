using System.Linq.Expressions;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Todoist.Simulator;

namespace SyncDashboard.Tests.MultiNode;

/// <summary>Several app processes (<see cref="AppProcess"/>) on one PostgreSQL database, each a Hangfire server on
/// the shared queue, all syncing from one simulator that outlives them. Nodes can be killed (SIGKILL) and replaced.
/// The test enqueues jobs into the same queue as the app's buttons do, through a Hangfire client of its own.</summary>
internal sealed class NodeCluster : IAsyncDisposable
{
    /// <summary>How long a job taken by a node that died stays invisible before another node runs it again: short
    /// here, so the test need not wait out production's 30 minutes.</summary>
    public const int InvisibilitySeconds = 8;

    public const int RunTimeoutSeconds = 15;

    /// <summary>Start-up of a child on a loaded 2-core machine (see the crash test's measurements).</summary>
    public static readonly TimeSpan StartupBudget = TimeSpan.FromSeconds(120);

    private readonly List<AppProcess> dead = [];
    private readonly string[] extraArguments;

    private NodeCluster(EmptyDatabase database, SimulatorHarness harness, string[] extraArguments)
    {
        Database = database;
        Harness = harness;
        this.extraArguments = extraArguments;
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false };
        Jobs = new BackgroundJobClient(new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options));
    }

    public EmptyDatabase Database { get; }
    public SimulatorHarness Harness { get; }
    public List<AppProcess> Nodes { get; } = [];
    public BackgroundJobClient Jobs { get; }

    /// <summary>Every node ever started, the killed ones included (their ids name their events).</summary>
    public IEnumerable<AppProcess> AllNodes => dead.Concat(Nodes);

    /// <summary>Starts the first node alone (it migrates and installs Hangfire's schema), then the others at once.</summary>
    public static async Task<NodeCluster> StartAsync(int nodes, SimulatorHarness harness, params string[] extraArguments)
    {
        var database = await EmptyDatabase.CreateAsync(TestProvider.PostgreSql, TestContext.Current.CancellationToken);
        var first = Launch(database, harness, extraArguments);
        try
        {
            await Until(first.Started, first, "the first node's start-up");
        }
        catch
        {
            first.Dispose();
            await database.DisposeAsync();
            throw;
        }
        var cluster = new NodeCluster(database, harness, extraArguments);
        cluster.Nodes.Add(first);
        for (var i = 1; i < nodes; i++) cluster.Nodes.Add(Launch(database, harness, extraArguments));
        foreach (var node in cluster.Nodes) await Until(node.Started, node, "a node's start-up");
        // Hangfire's own serializer settings, as the app sets them, for the jobs this process enqueues.
        GlobalConfiguration.Configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
        return cluster;
    }

    public string Enqueue<T>(Expression<Func<T, Task>> job) => Jobs.Enqueue(job);

    /// <summary>SIGKILL, then a new process in its place (not waited for: the others work meanwhile).</summary>
    public async Task<AppProcess> KillAndReplaceAsync(AppProcess node)
    {
        await node.KillAsync();
        Nodes.Remove(node);
        dead.Add(node);
        var replacement = Launch(Database, Harness, extraArguments);
        Nodes.Add(replacement);
        return replacement;
    }

    public MonitoringDbContext Open() => Database.Open();

    /// <summary>The final Hangfire state of each job, by id (jobs not found are missing).</summary>
    public async Task<Dictionary<string, string?>> JobStatesAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT id, statename FROM hangfire.job WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids.Select(long.Parse).ToArray());
        var states = new Dictionary<string, string?>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) states[reader.GetInt64(0).ToString()] = reader.IsDBNull(1) ? null : reader.GetString(1);
        return states;
    }

    /// <summary>Waits until every job reached a final state (or the bound passes) and returns the states.</summary>
    public async Task<Dictionary<string, string?>> WaitForJobsAsync(IReadOnlyCollection<string> ids, TimeSpan bound)
    {
        var ct = TestContext.Current.CancellationToken;
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            var states = await JobStatesAsync(ids, ct);
            var finished = states.Values.Count(s => s is "Succeeded" or "Failed" or "Deleted");
            if (finished == ids.Count || DateTime.UtcNow > deadline) return states;
            await Task.Delay(250, ct);
        }
    }

    /// <summary>SIGTERM to every live node: each stops its host, releasing what it holds.</summary>
    public async Task StopAllAsync()
    {
        foreach (var node in Nodes) await node.StopAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>What every session on the database is doing now: for a failure message when work stops.</summary>
    public async Task<string> SessionsAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(Database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SELECT pid, state, coalesce(wait_event_type, '') || ':' || coalesce(wait_event, ''),
                       coalesce(extract(epoch FROM now() - xact_start)::int, -1), left(query, 160)
                FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                """, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add($"{reader.GetInt32(0)} {(reader.IsDBNull(1) ? "" : reader.GetString(1))} {reader.GetString(2)} " +
                          $"xact {reader.GetInt32(3)} s: {(reader.IsDBNull(4) ? "" : reader.GetString(4))}");
            }
            return string.Join(Environment.NewLine, lines);
        }
        catch (Exception ex)
        {
            return $"(sessions not readable: {ex.Message})";
        }
    }

    public string Tails() => string.Join(Environment.NewLine + "----" + Environment.NewLine,
        Nodes.Select(n => $"node {n.Node}:{Environment.NewLine}{n.Tail()}"));

    private static AppProcess Launch(EmptyDatabase database, SimulatorHarness harness, string[] extraArguments) =>
        AppProcess.Start([
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--Database:Provider=PostgreSql",
            $"--Database:ConnectionString={database.ConnectionString}",
            $"--Database:JobInvisibilityTimeoutSeconds={InvisibilitySeconds}",
            $"--Todoist:ApiToken={SimulatorHarness.Token}",
            $"--Todoist:BaseUrl={harness.Address}",
            $"--Sync:IncrementalCron={TestApp.NeverCron}",
            $"--Sync:FullCron={TestApp.NeverCron}",
            $"--Sync:RunTimeoutSeconds={RunTimeoutSeconds}",
            "--Sync:SyncOnStartup=false",
            $"--Rollups:Cron={TestApp.NeverCron}",
            $"--Retention:Cron={TestApp.NeverCron}",
            $"--Alerts:EvaluationCron={TestApp.NeverCron}",
            .. SignInHelper.UserSettings().Select(setting => $"--{setting.Key}={setting.Value}"),
            $"--Access:KeysFolder={Path.Combine(TempFiles.Folder, "keys")}",
            "--Logging:Console:FormatterOptions:SingleLine=true",
            "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff ",
            .. extraArguments,
        ]);

    private static async Task Until(Task task, AppProcess node, string what)
    {
        var finished = await Task.WhenAny(task, node.Exited, Task.Delay(StartupBudget, TestContext.Current.CancellationToken));
        if (finished != task)
        {
            throw new TimeoutException($"No {what} within {StartupBudget.TotalSeconds} s (exited: {node.HasExited}).{Environment.NewLine}{node.Tail()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in AllNodes) node.Dispose();
        await Database.DisposeAsync();
    }
}
