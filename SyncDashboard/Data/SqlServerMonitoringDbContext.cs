using Microsoft.EntityFrameworkCore;
using SyncDashboard.Alerts;
using SyncDashboard.Health;
using SyncDashboard.Sync.Mirror;

namespace SyncDashboard.Data;

public sealed class SqlServerMonitoringDbContext(DbContextOptions<SqlServerMonitoringDbContext> options)
    : MonitoringDbContext(options);
