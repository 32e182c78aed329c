using Microsoft.EntityFrameworkCore;
using SyncDashboard.Composition;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Monitoring;

public static class MonitoringSetup
{
    public static IHostApplicationBuilder AddMonitoringDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            builder.Services.AddDbContextFactory<SqlServerMonitoringDbContext>(db =>
                db.UseSqlServer(options.ConnectionString));
            builder.Services.AddSingleton<IDbContextFactory<MonitoringDbContext>,
                MonitoringDbContextFactory<SqlServerMonitoringDbContext>>();
        }
        else
        {
            var connectionString = SqliteConnectionString(options, builder.Environment.ContentRootPath);
            builder.Services.AddDbContextFactory<SqliteMonitoringDbContext>(db => db.UseSqlite(connectionString));
            builder.Services.AddSingleton<IDbContextFactory<MonitoringDbContext>,
                MonitoringDbContextFactory<SqliteMonitoringDbContext>>();
        }

        builder.Services.AddSingleton<MonitoringNotifier>();
        builder.Services.AddSingleton<EventQueries>();
        builder.Services.AddSingleton<StateQueries>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }

    public static string SqliteConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return options.ConnectionString;
        var folder = Path.GetFullPath(options.DataFolder, contentRoot);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "syncdashboard.db")}";
    }
}

/// <summary>Hands out the provider's derived context as the <see cref="MonitoringDbContext"/> the app codes against.</summary>
public sealed class MonitoringDbContextFactory<TContext>(IDbContextFactory<TContext> inner)
    : IDbContextFactory<MonitoringDbContext>
    where TContext : MonitoringDbContext
{
    public MonitoringDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<MonitoringDbContext> CreateDbContextAsync(CancellationToken ct = default) =>
        await inner.CreateDbContextAsync(ct);
}
