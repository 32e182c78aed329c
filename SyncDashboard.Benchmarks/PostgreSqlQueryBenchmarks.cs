using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Benchmarks;

/// <summary>The same dashboard queries over the same year of history, on PostgreSQL: the SQLite history file copied
/// once into a database of the server named by <see cref="PostgresBench.Variable"/> (kept and reused while complete).</summary>
public class PostgreSqlQueryBenchmarks : QueryBenchmarks
{
    protected override IDbContextFactory<MonitoringDbContext> OpenHistory(HistoryOptions options)
    {
        var database = PostgresHistory.EnsureAsync(HistoryPath, options.Events).GetAwaiter().GetResult();
        return new PostgresContextFactory(database, CommandLog);
    }
}
