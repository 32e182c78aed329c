using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Data;

/// <summary>Hands out the provider's derived context as the <see cref="MonitoringDbContext"/> the app codes against.</summary>
public sealed class MonitoringDbContextFactory<TContext>(IDbContextFactory<TContext> inner)
    : IDbContextFactory<MonitoringDbContext>
    where TContext : MonitoringDbContext
{
    public MonitoringDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<MonitoringDbContext> CreateDbContextAsync(CancellationToken ct = default) =>
        await inner.CreateDbContextAsync(ct);
}
