using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SyncDashboard.Data;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>There is no SQL Server on this machine: a context factory for the SQL Server provider that never opens
/// its connection, records every non-query command it would send and answers each with <paramref name="rowsAffected"/>,
/// so a test can show what the provider translates a write into.</summary>
public sealed class OfflineSqlServer(int rowsAffected) : IDbContextFactory<MonitoringDbContext>
{
    private readonly Capture capture = new(rowsAffected);

    public IReadOnlyList<string> Commands => capture.Commands;

    public MonitoringDbContext CreateDbContext() => new SqlServerMonitoringDbContext(
        new DbContextOptionsBuilder<SqlServerMonitoringDbContext>()
            .UseSqlServer("Server=offline;Database=SyncDashboard;Trusted_Connection=True")
            .AddInterceptors(capture).Options);

    private sealed class Capture(int rowsAffected) : DbCommandInterceptor, IDbConnectionInterceptor
    {
        public List<string> Commands { get; } = [];

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection,
            ConnectionEventData eventData, InterceptionResult result, CancellationToken ct = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            Commands.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(rowsAffected));
        }
    }
}
