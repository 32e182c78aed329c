using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Data;

public sealed class SqlServerMonitoringDbContext(DbContextOptions<SqlServerMonitoringDbContext> options)
    : MonitoringDbContext(options);
