using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SyncDashboard.Monitoring;

// Used by `dotnet ef migrations add` only: each provider's context gets its own migrations folder, and the tools need
// no running app (and no SQL Server) to build the model.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMonitoringDbContext>
{
    public SqliteMonitoringDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMonitoringDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMonitoringDbContext>
{
    public SqlServerMonitoringDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMonitoringDbContext>()
            .UseSqlServer("Server=design-time;Database=SyncDashboard;Trusted_Connection=True").Options);
}
