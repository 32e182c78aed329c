using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

public sealed class ErrorQueries(IDbContextFactory<MonitoringDbContext> dbFactory, TimeProvider time)
{
    public const int MaxLimit = 200;

    /// <summary>Open chains (and resolved ones when asked), newest first, each with its attempts; counts by kind
    /// over the same set.</summary>
    public async Task<ErrorReport> ReportAsync(string service, bool includeResolved, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chains = db.SyncErrors.AsNoTracking().Where(c => c.Service == service);
        if (!includeResolved) chains = chains.Where(c => c.ResolvedUtc == null);

        var byKind = await chains.GroupBy(c => c.Kind)
            .Select(g => new ErrorKindSummary(g.Key, g.Count(), g.Count(c => c.ResolvedUtc == null)))
            .ToListAsync(ct);
        var page = includeResolved
            ? await chains.OrderByDescending(c => c.LastOccurredUtc).ThenByDescending(c => c.Id).Take(limit).ToListAsync(ct)
            // Open chains are few (a failure continues the open chain rather than opening another), so they are read
            // from IX_sync_errors_open and put in order here: ordered in SQL, SQLite walks IX_sync_errors_latest
            // through every resolved chain of the year looking for them.
            : (await chains.ToListAsync(ct))
                .OrderByDescending(c => c.LastOccurredUtc).ThenByDescending(c => c.Id).Take(limit).ToList();
        var ids = page.Select(c => c.Id).ToList();
        var attempts = (await db.SyncEvents.AsNoTracking()
                .Where(e => e.ErrorChainId != null && ids.Contains(e.ErrorChainId.Value))
                .OrderBy(e => e.Id)
                .Select(e => new
                {
                    ChainId = e.ErrorChainId!.Value,
                    Row = new ChainAttemptRow(e.Id, e.Attempt, e.Trigger, e.Status, e.StartedUtc, e.DurationMs,
                        e.ErrorCode, e.ErrorMessage, e.HttpStatus),
                })
                .ToListAsync(ct))
            .ToLookup(a => a.ChainId, a => a.Row);

        var now = time.GetUtcNow().UtcDateTime;
        var rows = page.Select(c => new ErrorChainRow(
            c.Id, c.Kind, c.ErrorCode, c.Message, c.HttpStatus, c.TodoistErrorTag, c.TodoistErrorCode, c.TodoistEventId,
            c.RetryAfterSeconds, c.RetryCount, c.NextRetryUtc,
            c.NextRetryUtc is { } next ? Math.Max(0, (next - now).TotalSeconds) : null,
            c.PendingJobId, c.CreatedUtc, c.LastOccurredUtc, c.ResolvedUtc, c.Resolution, c.ResolvedBy,
            attempts[c.Id].ToList())).ToList();
        var open = includeResolved ? byKind.Sum(k => k.Open) : byKind.Sum(k => k.Chains);
        return new ErrorReport(open, byKind.OrderByDescending(k => k.Chains).ToList(), rows);
    }
}
