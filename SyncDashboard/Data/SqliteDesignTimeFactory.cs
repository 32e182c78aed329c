using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SyncDashboard.Data;

// Used by `dotnet ef migrations add` only: each provider's context gets its own migrations folder, and the tools need
// no running app (and no SQL Server) to build the model.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMonitoringDbContext>
{
    public SqliteMonitoringDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMonitoringDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
