using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Data;

/// <summary>The PostgreSQL context. Times are <c>timestamp with time zone</c>, which Npgsql writes from UTC
/// <see cref="DateTime"/>s only; the base model's converter marks every time UTC on the way in and out.</summary>
public sealed class PostgreSqlMonitoringDbContext(DbContextOptions<PostgreSqlMonitoringDbContext> options)
    : MonitoringDbContext(options);
