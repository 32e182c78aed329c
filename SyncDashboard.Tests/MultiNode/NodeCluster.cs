using System.Linq.Expressions;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Todoist.Simulator;

namespace SyncDashboard.Tests.MultiNode;

/// <summary>Several app processes (<see cref="AppProcess"/>) on one PostgreSQL database, each a Hangfire server on
/// the shared queue, all syncing from one simulator that outlives them. Nodes can be killed (SIGKILL) and replaced.
/// The test enqueues jobs into the same queue as the app's buttons do, through a Hangfire client of its own.</summary>
internal sealed class NodeCluster : IAsyncDisposable
{
    /// <summary>How long a job taken by a node that died stays invisible before another node runs it again: short
    /// here, so the test need not wait out production's 5 minutes; scaled like every test time-out, since a live node
    /// must renew its jobs (every fifth of it) even on a loaded machine.</summary>
    public static int InvisibilitySeconds => (int)TestTimeouts.Scaled(TimeSpan.FromSeconds(8)).TotalSeconds;

    /// <summary>How old a Hangfire lock row left by a killed node must be before another node deletes it: short here
    /// (production: 2 minutes), yet far above the moment a live node holds a job's state lock.</summary>
    public static int LockSeconds => (int)TestTimeouts.Scaled(TimeSpan.FromSeconds(10)).TotalSeconds;

    public const int RunTimeoutSeconds = 15;

    /// <summary>Start-up of a child on a loaded 2-core machine (see the crash test's measurements).</summary>
    public static readonly TimeSpan StartupBudget = TimeSpan.FromSeconds(120);

    private readonly List<AppProcess> dead = [];
    private readonly Dictionary<int, Uri> addresses = [];
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
        var (first, firstAddress) = Launch(database, harness, extraArguments);
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
        cluster.Add(first, firstAddress);
        for (var i = 1; i < nodes; i++) cluster.Add(Launch(database, harness, extraArguments));
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
        var (replacement, address) = Launch(Database, Harness, extraArguments);
        Add(replacement, address);
        return replacement;
    }

    public MonitoringDbContext Open() => Database.Open();

    /// <summary>Where the node listens (chosen before it starts: it may not have started yet).</summary>
    public Uri AddressOf(AppProcess node) => addresses[node.Id];

    private void Add(AppProcess node, Uri address)
    {
        addresses[node.Id] = address;
        Nodes.Add(node);
    }

    private void Add((AppProcess Node, Uri Address) launched) => Add(launched.Node, launched.Address);

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

    /// <summary>Every Hangfire job in the database by state: jobs the nodes made themselves (webhook syncs, retries) too.</summary>
    public async Task<Dictionary<string, int>> JobsByStateAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT coalesce(statename, '(none)'), count(*)::int FROM hangfire.job GROUP BY 1", connection);
        var states = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) states[reader.GetString(0)] = reader.GetInt32(1);
        return states;
    }

    /// <summary>Each job of <paramref name="ids"/> that did not succeed: its state, the state's reason and what Hangfire
    /// recorded with it (the exception of a Failed job), for a failure message.</summary>
    public async Task<string> UnsucceededJobsAsync(IReadOnlyCollection<string> ids)
    {
        try
        {
            await using var connection = new NpgsqlConnection(Database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SELECT j.id, coalesce(j.statename, ''), coalesce(s.reason, ''), left(coalesce(s.data::text, ''), 1500),
                       (SELECT string_agg(h.name || ' ' || h.createdat::time(3)::text, ' → ' ORDER BY h.id)
                        FROM hangfire.state h WHERE h.jobid = j.id)
                FROM hangfire.job j LEFT JOIN hangfire.state s ON s.id = j.stateid
                WHERE j.id = ANY(@ids) AND j.statename IS DISTINCT FROM 'Succeeded'
                """, connection);
            command.Parameters.AddWithValue("ids", ids.Select(long.Parse).ToArray());
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add($"job {reader.GetInt64(0)} {reader.GetString(1)} ({reader.GetString(2)}): {reader.GetString(3)}; " +
                          $"states {(reader.IsDBNull(4) ? "" : reader.GetString(4))}");
            }
            return string.Join(Environment.NewLine, lines);
        }
        catch (Exception ex)
        {
            return $"(jobs not readable: {ex.Message})";
        }
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

    /// <summary>The live node whose run is open now, or null when none started one within the bound.</summary>
    public async Task<AppProcess?> RunningNodeAsync(TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = Open();
            var open = await db.SyncEvents.AsNoTracking().Where(e => e.Status == SyncStatus.Started)
                .Select(e => e.Node).ToListAsync(TestContext.Current.CancellationToken);
            if (Nodes.FirstOrDefault(n => open.Contains(n.Node)) is { } node) return node;
            await Task.Delay(30, TestContext.Current.CancellationToken);
        }
        return null;
    }

    /// <summary>Enqueues full syncs until one started after the account stopped changing has succeeded.</summary>
    public async Task CatchUpAsync(TimeSpan bound)
    {
        var since = DateTime.UtcNow;
        await Eventually.ReturnsAsync(async () =>
        {
            await using var db = Open();
            // A lease a killed node held stays in the row, expired, until the next run takes it.
            var now = DateTime.UtcNow;
            var held = await db.SyncStates.AnyAsync(s => s.LeaseOwner != null && s.LeaseExpiresUtc > now, TestContext.Current.CancellationToken);
            var done = !held && await db.SyncEvents.AnyAsync(e => e.StartedUtc >= since && e.Status == SyncStatus.Succeeded, TestContext.Current.CancellationToken)
                       && await db.SyncStates.AnyAsync(s => s.LeaseOwner == null, TestContext.Current.CancellationToken);
            if (done) return "done";
            if (!held)
            {
                Enqueue<SyncJobs>(j => j.RunAsync(SyncType.Full, SyncTrigger.Manual, null, CancellationToken.None));
            }
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            return null;
        }, bound);
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

    private static (AppProcess Node, Uri Address) Launch(EmptyDatabase database, SimulatorHarness harness, string[] extraArguments)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        return (AppProcess.Start([
            "--urls", address.GetLeftPart(UriPartial.Authority),
            "--environment", "Production",
            "--Database:Provider=PostgreSql",
            $"--Database:ConnectionString={database.ConnectionString}",
            $"--Database:JobInvisibilityTimeoutSeconds={InvisibilitySeconds}",
            $"--Database:JobLockTimeoutSeconds={LockSeconds}",
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
        ]), address);
    }

    /// <summary>A port free now, for a node whose address must be known before it listens (the webhook balancer).</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

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
