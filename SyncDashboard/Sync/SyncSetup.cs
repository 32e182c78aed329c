using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.Extensions.Options;
using SyncDashboard.Access;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Sync.Mirror;
using SyncDashboard.Sync.Verification;

namespace SyncDashboard.Sync;

public static class SyncSetup
{
    public const string ConsolePath = "/hangfire";

    public static IHostApplicationBuilder AddSync(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<SyncOptions>(SyncOptions.Section);
        services.AddValidatedOptions<RetryOptions>(RetryOptions.Section);
        services.AddSingleton<IValidateOptions<SyncOptions>, SyncCronValidator>();

        services.AddValidatedOptions<VerificationOptions>(VerificationOptions.Section);
        services.AddSingleton<MirrorWriter>();
        services.AddSingleton<MirrorVerifications>();
        services.AddTransient<MirrorVerifier>();
        services.AddSingleton<SyncLease>();
        services.AddSingleton<RunRecorder>();
        services.AddSingleton<SyncTelemetry>();
        // Transient: it holds the typed Todoist HttpClient, which must not live for the app's lifetime.
        services.AddTransient<SyncEngine>();
        services.AddTransient<SyncJobs>();
        services.AddTransient<SyncCommands>();
        services.AddTransient<RetryScheduler>();
        services.AddTransient<ErrorCommands>();
        services.AddTransient<PauseCommands>();

        // The storage is ours to create and register, before AddHangfire: Hangfire would otherwise hand every
        // host the static JobStorage.Current, the last one configured in the process, not its own.
        services.AddSingleton<JobStorage>(provider =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return database.Provider switch
            {
                // The same database as the monitoring tables: one thing to back up, and every node shares the queue.
                DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString),
                DatabaseProvider.PostgreSql => PostgreSqlJobStorage(database),
                // One node: jobs live in memory; the database is the truth for anything that must survive a restart.
                _ => new InMemoryStorage(),
            };
        });
        // Likewise the activator: Hangfire's default is the static JobActivator.Current, which would build a job's
        // services from whichever host configured Hangfire last, not from this one.
        services.AddSingleton<JobActivator>(provider =>
            new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) =>
        {
            // Hangfire keeps its log provider in a static too. A host may supply its own (the tests do: their many
            // short-lived hosts would otherwise leave Hangfire logging into a disposed LoggerFactory).
            if (provider.GetService<Hangfire.Logging.ILogProvider>() is { } logs) config.UseLogProvider(logs);
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseStorage(provider.GetRequiredService<JobStorage>());
        });
        // After the migrator (registered by AddDatabase), before the Hangfire server starts working.
        services.AddHostedService<SyncSchedule>();
        services.AddHangfireServer((provider, server) =>
        {
            server.WorkerCount = provider.GetRequiredService<IOptions<SyncOptions>>().Value.WorkerCount;
            // Delayed retries of 1 s must run after about 1 s, not after the default 15 s poll.
            server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            server.ServerName = RunIdentity.Node;
        });
        return builder;
    }

    /// <summary>Hangfire's tables in their own schema of the monitoring database. Long polling wakes a node's workers
    /// by <c>LISTEN/NOTIFY</c> when a job is enqueued anywhere, instead of each node polling the queue every 15 s.
    /// What a node killed mid-job leaves behind must expire by itself, since nothing releases it:
    /// <list type="bullet">
    /// <item>the job it took: a live node renews its jobs' fetch time (sliding), so another node runs a job again
    /// once <see cref="DatabaseOptions.JobInvisibilityTimeoutSeconds"/> passed without renewal, however long the job
    /// runs on a live node;</item>
    /// <item>the lock rows it held (a job's state lock, the delayed and recurring schedulers' locks): another node
    /// deletes one older than <see cref="DatabaseOptions.JobLockTimeoutSeconds"/>. With the library's 10 minutes,
    /// a state lock left by a killed node stopped the whole cluster: every worker that took the job (without sliding,
    /// another one every invisibility time-out) slept on the lock, until no worker was left to fetch.</item>
    /// </list></summary>
    private static PostgreSqlStorage PostgreSqlJobStorage(DatabaseOptions database)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
            InvisibilityTimeout = TimeSpan.FromSeconds(database.JobInvisibilityTimeoutSeconds),
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = TimeSpan.FromSeconds(database.JobLockTimeoutSeconds),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString!, options), options);
    }

    /// <summary>The Hangfire dashboard: the admin console, read-only to viewers (see <see cref="HangfireConsoleAccess"/>).</summary>
    public static WebApplication MapSyncConsole(this WebApplication app)
    {
        // Before the console: a viewer's command is 403 here, as everywhere, not Hangfire's read-only 401.
        app.UseHangfireCommandGuard(ConsolePath);
        app.MapHangfireDashboard(ConsolePath, new DashboardOptions
        {
            DashboardTitle = "SyncDashboard · jobs",
            AppPath = "/",
            Authorization = [new HangfireConsoleAccess()],
            IsReadOnlyFunc = HangfireConsoleAccess.IsReadOnly,
        }).RequireAuthorization(AccessPolicies.View);
        return app;
    }
}
