using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Composition;
using SyncDashboard.Monitoring.Live;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Monitoring;

public static class MonitoringSetup
{
    public static IHostApplicationBuilder AddMonitoringDatabase(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        // Both providers are registered and configured lazily from the bound options, so the choice is made after
        // every configuration source (tests and hosts add theirs late) has been read.
        services.AddDbContextFactory<SqliteMonitoringDbContext>((sp, db) =>
            db.UseSqlite(SqliteConnectionString(Options(sp), sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddDbContextFactory<SqlServerMonitoringDbContext>((sp, db) =>
            db.UseSqlServer(Options(sp).ConnectionString));
        services.AddSingleton<IDbContextFactory<MonitoringDbContext>>(sp => Options(sp).Provider switch
        {
            DatabaseProvider.SqlServer => new MonitoringDbContextFactory<SqlServerMonitoringDbContext>(
                sp.GetRequiredService<IDbContextFactory<SqlServerMonitoringDbContext>>()),
            _ => new MonitoringDbContextFactory<SqliteMonitoringDbContext>(
                sp.GetRequiredService<IDbContextFactory<SqliteMonitoringDbContext>>()),
        });

        services.AddSingleton<MonitoringNotifier>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<EventQueries>();
        services.AddSingleton<StateQueries>();
        services.AddSingleton<ErrorQueries>();
        services.AddSingleton<MetricQueries>();
        services.AddSingleton<TimelineQueries>();
        services.AddSingleton<PerformanceQueries>();
        services.AddSingleton<PerformanceTrendQueries>();
        services.AddSingleton<FreshnessQueries>();
        services.AddSingleton<HealthQueries>();
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<PauseQueries>();
        services.AddHostedService<DatabaseMigrator>();
        services.AddLiveWatermark();
        return builder;
    }

    private static DatabaseOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;

    public static string SqliteConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return options.ConnectionString;
        var folder = Path.GetFullPath(options.DataFolder, contentRoot);
        // Only the app's user may enter the data folder (it also holds the sign-in keys).
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
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
