using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Configuration;
using SyncDashboard.Data;

namespace SyncDashboard.Operations;

/// <summary>What is checked after the app is built and before its host starts, so that a mistake in configuration
/// is reported as what it is: every invalid setting at once, then whether the database can be reached.</summary>
public static class StartupCheck
{
    /// <summary>How long the database may take to answer at start-up, beyond its own connect timeout.</summary>
    public static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Throws <see cref="StartupProblemsException"/> naming every problem found.</summary>
    public static async Task CheckStartupAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupCheck).FullName!);
        var problems = ConfigurationProblems.Collect(app.Services, logger);
        if (problems.Count > 0) throw new StartupProblemsException(problems);

        if (await DatabaseProblemAsync(app.Services, logger) is { } database) throw new StartupProblemsException([database]);
    }

    private static async Task<string?> DatabaseProblemAsync(IServiceProvider services, ILogger logger)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        using var timeout = new CancellationTokenSource(DatabaseTimeout);
        try
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<MonitoringDbContext>>()
                .CreateDbContextAsync(timeout.Token);
            await db.Database.OpenConnectionAsync(timeout.Token);
            var where = Where(options.Provider, db.Database.GetDbConnection().ConnectionString);
            logger.LogDebug("The database answers ({Where})", where);
            return null;
        }
        catch (Exception error)
        {
            // The stack is for whoever debugs the app; the operator gets the paragraph below.
            logger.LogDebug(error, "The database could not be opened at start-up");
            var where = Where(options.Provider, ConnectionStringOf(services, options));
            return $"Database: cannot connect to {where}: {FirstLine(error)} Check Database:ConnectionString " +
                   "(and Database:Provider), and that the database server runs and can be reached from this machine.";
        }
    }

    /// <summary>The connection string as the provider will use it; SQLite's is made from Database:DataFolder.</summary>
    private static string? ConnectionStringOf(IServiceProvider services, DatabaseOptions options)
    {
        try
        {
            return options.Provider == DatabaseProvider.Sqlite
                ? DatabaseSetup.SqliteConnectionString(options, services.GetRequiredService<IHostEnvironment>().ContentRootPath)
                : options.ConnectionString;
        }
        catch (Exception)
        {
            return options.ConnectionString;
        }
    }

    /// <summary>The server and database named by a connection string, never its password or anything else in it.</summary>
    public static string Where(DatabaseProvider provider, string? connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString ?? "";
        }
        catch (ArgumentException)
        {
            return $"the {provider} database (Database:ConnectionString is not a valid connection string)";
        }
        var server = Value(builder, "Server", "Host", "Data Source", "Address", "Addr", "Network Address");
        var database = Value(builder, "Database", "Initial Catalog");
        return provider switch
        {
            DatabaseProvider.Sqlite => $"the SQLite database file '{server ?? "(none)"}'",
            _ => $"the {provider} server '{server ?? "(none)"}'" + (database is null ? "" : $", database '{database}'"),
        };
    }

    private static string? Value(DbConnectionStringBuilder builder, params string[] keys) =>
        keys.Select(k => builder.TryGetValue(k, out var value) ? value?.ToString() : null)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string FirstLine(Exception error)
    {
        var message = error is OperationCanceledException
            ? $"no answer within {DatabaseTimeout.TotalSeconds:0} s."
            : error.Message.Split('\n', 2)[0].Trim();
        return message.EndsWith('.') ? message : message + ".";
    }
}
