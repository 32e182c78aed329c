using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Configuration;

namespace SyncDashboard.Data;

public static class DatabaseSetup
{
    /// <summary>The database of the configured provider, as an <see cref="IDbContextFactory{TContext}"/> of
    /// <see cref="MonitoringDbContext"/>, migrated at start-up.</summary>
    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        // Both providers are registered and configured lazily from the bound options, so the choice is made after
        // every configuration source (tests and hosts add theirs late) has been read.
        services.AddDbContextFactory<SqliteMonitoringDbContext>((sp, db) =>
            db.UseSqlite(SqliteConnectionString(Options(sp), sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddDbContextFactory<SqlServerMonitoringDbContext>((sp, db) =>
            db.UseSqlServer(Options(sp).ConnectionString));
        services.AddDbContextFactory<PostgreSqlMonitoringDbContext>((sp, db) =>
            db.UseNpgsql(Options(sp).ConnectionString));
        services.AddSingleton<IDbContextFactory<MonitoringDbContext>>(sp => Options(sp).Provider switch
        {
            DatabaseProvider.SqlServer => new MonitoringDbContextFactory<SqlServerMonitoringDbContext>(
                sp.GetRequiredService<IDbContextFactory<SqlServerMonitoringDbContext>>()),
            DatabaseProvider.PostgreSql => new MonitoringDbContextFactory<PostgreSqlMonitoringDbContext>(
                sp.GetRequiredService<IDbContextFactory<PostgreSqlMonitoringDbContext>>()),
            _ => new MonitoringDbContextFactory<SqliteMonitoringDbContext>(
                sp.GetRequiredService<IDbContextFactory<SqliteMonitoringDbContext>>()),
        });
        services.AddHostedService<DatabaseMigrator>();
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
