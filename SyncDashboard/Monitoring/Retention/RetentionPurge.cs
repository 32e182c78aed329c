using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Retention;

/// <summary>Deletes raw history past its retention: finished sync events that started before the cutoff, error
/// chains resolved before it, and webhook deliveries and rejection counts older than it. Rollups (<see cref="SyncMetric"/>) are the long-term record and stay; so do events still
/// <c>Started</c> (the abandoned-run sweep closes them, and they are counted then) and open chains.</summary>
public sealed class RetentionPurge(
    IDbContextFactory<MonitoringDbContext> dbFactory, TimeProvider time, IOptions<RetentionOptions> options)
{
    public async Task<RetentionResult> RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var cutoff = time.GetUtcNow().UtcDateTime - TimeSpan.FromDays(settings.EventDays);
        var batch = settings.BatchSize;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // Webhook deliveries first, so the events they point to go without their foreign keys being nulled on the way.
        var deliveries = await DeleteInBatchesAsync(batch, () => db.WebhookDeliveries
            .Where(d => db.WebhookDeliveries
                .Where(old => old.ReceivedUtc < cutoff)
                .OrderBy(old => old.Id).Take(batch).Select(old => old.Id)
                .Contains(d.Id))
            .ExecuteDeleteAsync(ct));
        var cutoffHour = MetricArithmetic.HourOf(cutoff);
        deliveries += await db.WebhookRejections.Where(r => r.HourUtc < cutoffHour).ExecuteDeleteAsync(ct);

        // Each batch is one DELETE … WHERE Id IN (SELECT the first N ids), committed on its own: short write locks
        // that let syncs in between, and a statement both SQLite and SQL Server accept (neither takes ORDER BY … LIMIT
        // on a DELETE directly through EF). Events go first; chains they pointed to are then mostly unreferenced, and
        // the foreign key sets any newer reference to null.
        var events = await DeleteInBatchesAsync(batch, () => db.SyncEvents
            .Where(e => db.SyncEvents
                .Where(old => old.StartedUtc < cutoff && old.Status != SyncStatus.Started)
                .OrderBy(old => old.Id).Take(batch).Select(old => old.Id)
                .Contains(e.Id))
            .ExecuteDeleteAsync(ct));
        var errors = await DeleteInBatchesAsync(batch, () => db.SyncErrors
            .Where(e => db.SyncErrors
                .Where(old => old.ResolvedUtc != null && old.ResolvedUtc < cutoff)
                .OrderBy(old => old.Id).Take(batch).Select(old => old.Id)
                .Contains(e.Id))
            .ExecuteDeleteAsync(ct));
        return new RetentionResult(cutoff, events, errors, deliveries);
    }

    private static async Task<int> DeleteInBatchesAsync(int batch, Func<Task<int>> deleteBatch)
    {
        var total = 0;
        while (true)
        {
            var deleted = await deleteBatch();
            total += deleted;
            if (deleted < batch) return total;
        }
    }
}
