using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SyncDashboard.Data;

public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlMonitoringDbContext>
{
    public PostgreSqlMonitoringDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlMonitoringDbContext>()
            .UseNpgsql("Host=design-time;Database=syncdashboard").Options);
}
