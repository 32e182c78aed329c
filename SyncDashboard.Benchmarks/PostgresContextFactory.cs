using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Benchmarks;

/// <summary>Contexts on one database of the benchmarks' PostgreSQL server, pooled connections as the app has them.</summary>
public sealed class PostgresContextFactory(string database, Action<string>? log = null) : IDbContextFactory<MonitoringDbContext>
{
    public MonitoringDbContext CreateDbContext() => PostgresBench.Open(database, pooling: true, log);
}
