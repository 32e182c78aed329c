using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Data;

public sealed class SqliteMonitoringDbContext(DbContextOptions<SqliteMonitoringDbContext> options)
    : MonitoringDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // The same text in the file as before; read by a fixed-format parser instead of the driver's DateTime.Parse.
        configurationBuilder.Properties<DateTime>().HaveConversion<SqliteTimeText.Converter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<SqliteTimeText.Converter>();
    }
}
