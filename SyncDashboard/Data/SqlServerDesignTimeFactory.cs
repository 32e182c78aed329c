using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SyncDashboard.Data;

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMonitoringDbContext>
{
    public SqlServerMonitoringDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMonitoringDbContext>()
            .UseSqlServer("Server=design-time;Database=SyncDashboard;Trusted_Connection=True").Options);
}
