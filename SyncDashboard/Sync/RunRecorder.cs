using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;
using SyncDashboard.Health;

namespace SyncDashboard.Sync;

/// <summary>Writes what a run did: its event, the sync state, the error chain and the hourly rollup. Success is
/// written inside the caller's transaction (beside the mirror rows and the new token); failures in their own.</summary>
public sealed class RunRecorder(
    IDbContextFactory<MonitoringDbContext> dbFactory,
    TimeProvider time,
    IOptions<SyncOptions> options,
    IOptions<RetryOptions> retryOptions,
    IOptions<HealthOptions> healthOptions,
    ILogger<RunRecorder> logger)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Records the <c>Started</c> event in its own short transaction, so the dashboard shows the run live.</summary>
    public async Task<long> StartAsync(string service, SyncRequest request, string? tokenBefore, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var started = new SyncEvent
        {
            Service = service,
            Type = request.Type,
            Trigger = request.Trigger,
            Status = SyncStatus.Started,
            StartedUtc = Now,
            SyncTokenBefore = tokenBefore,
            JobId = request.JobId,
            Node = RunIdentity.Node,
        };
        db.SyncEvents.Add(started);
        await db.SaveChangesAsync(ct);
        return started.Id;
    }

    /// <summary>Completes a successful run inside <paramref name="db"/>'s open transaction, after the caller renewed
    /// its lease there. Throws <see cref="LeaseLostException"/> when the event was closed meanwhile. Returns the
    /// Hangfire job of a retry that the success made pointless, for the caller to delete after the commit.</summary>
    public async Task<string?> SucceedAsync(MonitoringDbContext db, long eventId, RunResult result, CancellationToken ct)
    {
        var now = Now;
        var state = await db.SyncStates.SingleAsync(s => s.Service == result.Service, ct);
        var run = await db.SyncEvents.SingleAsync(e => e.Id == eventId, ct);
        if (run.Status != SyncStatus.Started) throw new LeaseLostException();
        run.Status = SyncStatus.Succeeded;
        run.Type = result.Type;
        run.CompletedUtc = now;
        run.DurationMs = DurationMs(run.StartedUtc, now);
        run.ItemsProcessed = result.ObjectCount;
        run.ItemsAdded = result.Changes.Added;
        run.ItemsUpdated = result.Changes.Updated;
        run.ItemsDeleted = result.Changes.Deleted;
        run.SyncTokenAfter = result.NewToken;

        state.LastSyncToken = result.NewToken;
        state.LastSuccessfulSyncUtc = now;
        if (result.Type == SyncType.Full)
        {
            state.LastFullSyncUtc = now;
            state.LastSnapshotUtc = result.SnapshotUtc;
        }
        else
        {
            state.LastIncrementalSyncUtc = now;
        }
        state.ConsecutiveFailures = 0;
        state.RateLimitedUntilUtc = null;

        var chain = await OpenChainAsync(db, result.Service, ct);
        var obsoleteRetry = chain?.PendingJobId;
        if (chain is not null)
        {
            run.ErrorChainId = chain.Id;
            run.Attempt = await AttemptsInChainAsync(db, chain.Id, ct) + 1;
            chain.ResolvedUtc = now;
            chain.Resolution = run.Trigger == SyncTrigger.Retry ? ErrorResolution.RetrySucceeded : ErrorResolution.Recovered;
            chain.ResolvedBy = $"{run.Trigger} sync #{run.Id}";
            chain.NextRetryUtc = null;
            chain.PendingJobId = null;
        }
        SetHealth(state, openChain: null, lastFailureKind: null, now);

        await AddToHourAsync(db, result.Service, run, now, ct);
        await db.SaveChangesAsync(ct);
        // The retry that just succeeded is the one running; only another pending job is left to delete.
        return obsoleteRetry == run.JobId ? null : obsoleteRetry;
    }

    /// <summary>Records a failed attempt, its error chain, the state and the rollup in one transaction; nothing when
    /// the event was closed meanwhile by another node.</summary>
    public async Task<FailureRecord?> RecordFailureAsync(
        string service, long eventId, SyncRequest request, SyncFailure failure, CancellationToken ct)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var run = await db.SyncEvents.SingleAsync(e => e.Id == eventId, ct);
        if (run.Status != SyncStatus.Started)
        {
            logger.LogWarning("Sync event {EventId} was closed by another node before its failure was recorded", eventId);
            return null;
        }
        run.Status = SyncStatus.Failed;
        run.CompletedUtc = now;
        run.DurationMs = DurationMs(run.StartedUtc, now);
        run.ErrorCode = failure.Code;
        run.ErrorMessage = failure.Message;
        run.ErrorKind = failure.Kind;
        run.HttpStatus = failure.HttpStatus;

        var chain = await OpenChainAsync(db, service, ct);
        if (chain is null)
        {
            chain = new SyncError { Service = service, Message = failure.Message, CreatedUtc = now };
            db.SyncErrors.Add(chain);
            run.Attempt = 1;
        }
        else
        {
            run.Attempt = await AttemptsInChainAsync(db, chain.Id, ct) + 1;
        }
        chain.Kind = failure.Kind;
        chain.ErrorCode = failure.Code;
        chain.Message = failure.Message;
        chain.HttpStatus = failure.HttpStatus;
        chain.TodoistErrorTag = failure.TodoistErrorTag;
        chain.TodoistErrorCode = failure.TodoistErrorCode;
        chain.TodoistEventId = failure.TodoistEventId;
        chain.RetryAfterSeconds = failure.RetryAfter is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : null;
        chain.LastOccurredUtc = now;
        var retryAt = PlanRetry(chain, request, failure, now);
        await db.SaveChangesAsync(ct); // gives a new chain its id
        run.ErrorChainId = chain.Id;

        var state = await db.SyncStates.SingleAsync(s => s.Service == service, ct);
        state.ConsecutiveFailures++;
        state.LastFailedSyncUtc = now;
        if (failure.Kind == FailureKind.RateLimited && failure.RetryAfter is { } retryAfter)
        {
            state.RateLimitedUntilUtc = now + retryAfter;
        }
        var openChain = OpenChainSummary.Of(chain.Kind, chain.CreatedUtc, chain.RetryCount, chain.NextRetryUtc, retryOptions.Value.RetryLimit());
        SetHealth(state, openChain, failure.Kind, now);

        await AddToHourAsync(db, service, run, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Sync event {EventId} was closed by another node before its failure was recorded", eventId);
            return null;
        }
        return new FailureRecord(chain.Id, retryAt);
    }

    /// <summary>Counts a failed retry and asks the policy for the next one. At most one retry is pending per chain:
    /// a scheduled or manual run that fails while one is pending leaves it be. The chain carries the time, so a
    /// crash before the job is scheduled still leaves the retry on record (start-up schedules it).</summary>
    private DateTime? PlanRetry(SyncError chain, SyncRequest request, SyncFailure failure, DateTime now)
    {
        var isThisChainsRetry = request.Trigger == SyncTrigger.Retry && request.ChainId == chain.Id;
        if (isThisChainsRetry)
        {
            chain.RetryCount++;
            chain.NextRetryUtc = null;
            chain.PendingJobId = null;
        }
        else if (chain.NextRetryUtc is not null)
        {
            return null;
        }

        var decision = RetryPolicy.Decide(failure.Kind, chain.RetryCount, failure.RetryAfter, retryOptions.Value,
            Random.Shared.NextDouble());
        if (!decision.ShouldRetry)
        {
            logger.LogInformation("No retry for chain {ChainId}: {Reason}", chain.Id, decision.GiveUpReason);
            return null;
        }
        chain.NextRetryUtc = now + decision.Delay!.Value;
        return chain.NextRetryUtc;
    }

    /// <summary>Closes an event that failed for a reason that says nothing about the sync's health (the app stopped,
    /// another run took the lease): recorded, but no failure count, no error chain, no rollup.</summary>
    public async Task CloseUncountedAsync(long eventId, string code, string message)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var run = await db.SyncEvents.SingleAsync(e => e.Id == eventId);
        if (run.Status != SyncStatus.Started) return;
        run.Status = SyncStatus.Failed;
        run.CompletedUtc = now;
        run.DurationMs = DurationMs(run.StartedUtc, now);
        run.ErrorCode = code;
        run.ErrorMessage = message;
        run.ErrorKind = FailureKind.Unknown;
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateConcurrencyException) { /* closed meanwhile by another node: that record stands */ }
    }

    /// <summary>Closes events left <c>Started</c> by a run that died: older than the run timeout, or started by a
    /// process on this machine that is gone. Returns how many were closed.</summary>
    public async Task<int> CloseAbandonedAsync(string service, CancellationToken ct)
    {
        var now = Now;
        var cutoff = now - options.Value.RunTimeout;
        var localPrefix = Environment.MachineName + "/";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.SyncEvents
            .Where(e => e.Service == service && e.Status == SyncStatus.Started &&
                        (e.StartedUtc < cutoff || (e.Node != null && e.Node.StartsWith(localPrefix))))
            .ToListAsync(ct);
        var abandoned = open.Where(e => e.StartedUtc < cutoff || RunIdentity.IsDeadLocalProcess(e.Node)).ToList();
        if (abandoned.Count == 0) return 0;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var run in abandoned)
        {
            run.Status = SyncStatus.Failed;
            run.CompletedUtc = now;
            run.ErrorCode = "ABANDONED";
            run.ErrorKind = FailureKind.Unknown;
            run.ErrorMessage = "The run stopped without finishing (its process died or lost the database); " +
                               "nothing it fetched was committed, and the next run fetches the same changes again.";
            await AddToHourAsync(db, service, run, now, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // One of them finished after all; leave the rest for the next run to look at again.
            logger.LogInformation("A presumed abandoned sync event finished meanwhile; nothing was closed");
            return 0;
        }
        logger.LogWarning("Closed {Count} abandoned sync event(s) of {Service}", abandoned.Count, service);
        return abandoned.Count;
    }

    /// <summary>The stored flag comes from the same evaluator as the dashboard's status (healthy = not Unhealthy),
    /// fed with what a run knows: the state, this failure's kind and the open chain. Staleness, rates and durations
    /// are judged when read, from fresher numbers than a run has.</summary>
    private void SetHealth(SyncState state, OpenChainSummary? openChain, FailureKind? lastFailureKind, DateTime now)
    {
        var input = HealthInput.FromState(state) with { OpenChain = openChain, LastFailureKind = lastFailureKind };
        state.IsHealthy = HealthEvaluator.Evaluate(input, healthOptions.Value, now).IsHealthy;
        state.HealthCheckedUtc = now;
    }

    private static Task<SyncError?> OpenChainAsync(MonitoringDbContext db, string service, CancellationToken ct) =>
        db.SyncErrors.Where(c => c.Service == service && c.ResolvedUtc == null)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);

    private static Task<int> AttemptsInChainAsync(MonitoringDbContext db, long chainId, CancellationToken ct) =>
        db.SyncEvents.CountAsync(e => e.ErrorChainId == chainId, ct);

    /// <summary>Counts the run in the row of the hour it started in and logs its end in the row of the hour it ended
    /// in (the objectives count attempts by end time); usually the same row. A successful timed run also counts in its
    /// type's row of the hour it started in (the performance page's rollup).</summary>
    private static async Task AddToHourAsync(
        MonitoringDbContext db, string service, SyncEvent run, DateTime now, CancellationToken ct)
    {
        var metric = await HourRowAsync(db, service, MetricArithmetic.HourOf(run.StartedUtc), ct);
        MetricArithmetic.Add(metric, run.Status, run.DurationMs, run.ItemsProcessed, now);
        var end = AttemptEnds.Truncate(run.CompletedUtc ?? run.StartedUtc);
        var endRow = await HourRowAsync(db, service, MetricArithmetic.HourOf(end), ct);
        endRow.AttemptEnds = AttemptEnds.Add(endRow.PeriodStartUtc, endRow.AttemptEnds,
            new AttemptEnd(end, run.Status == SyncStatus.Succeeded));
        endRow.LastUpdatedUtc = now;
        if (run.Status == SyncStatus.Succeeded && run.DurationMs is { } duration)
        {
            (await TypeRowAsync(db, service, run.Type, metric.PeriodStartUtc, ct)).Add(duration, run.ItemsProcessed, now);
        }
    }

    private static async Task<SyncTypeMetric> TypeRowAsync(
        MonitoringDbContext db, string service, SyncType type, DateTime hour, CancellationToken ct)
    {
        var row = db.SyncTypeMetrics.Local.FirstOrDefault(m => m.Service == service && m.Type == type && m.HourStartUtc == hour)
                  ?? await db.SyncTypeMetrics.SingleOrDefaultAsync(m => m.Service == service && m.Type == type && m.HourStartUtc == hour, ct);
        if (row is null)
        {
            row = new SyncTypeMetric { Service = service, Type = type, HourStartUtc = hour };
            db.SyncTypeMetrics.Add(row);
        }
        return row;
    }

    private static async Task<SyncMetric> HourRowAsync(
        MonitoringDbContext db, string service, DateTime hour, CancellationToken ct)
    {
        // Local first: two abandoned events of the same hour share one new row before it is saved.
        var metric = db.SyncMetrics.Local.FirstOrDefault(m =>
                         m.Service == service && m.Period == MetricPeriod.Hourly && m.PeriodStartUtc == hour)
                     ?? await db.SyncMetrics.SingleOrDefaultAsync(m =>
                         m.Service == service && m.Period == MetricPeriod.Hourly && m.PeriodStartUtc == hour, ct);
        if (metric is null)
        {
            metric = new SyncMetric
            {
                Service = service, Period = MetricPeriod.Hourly, PeriodStartUtc = hour, AttemptEnds = [],
            };
            db.SyncMetrics.Add(metric);
        }
        return metric;
    }

    private static long DurationMs(DateTime started, DateTime completed) =>
        Math.Max(0, (long)(completed - started).TotalMilliseconds);
}
