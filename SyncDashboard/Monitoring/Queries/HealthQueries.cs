using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Maintenance;
using SyncDashboard.Sync;
using SyncDashboard.Todoist;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>Gathers what <see cref="HealthEvaluator"/> judges from the database, the options and Hangfire, and
/// evaluates it now. The evaluator stays pure; this class reads, and writes one thing: each evaluation ends the
/// acknowledgements whose alert it no longer raises (see <see cref="AcknowledgementsAsync"/>).</summary>
public sealed class HealthQueries(
    IDbContextFactory<MonitoringDbContext> dbFactory,
    TimeProvider time,
    IOptions<HealthOptions> healthOptions,
    IOptions<RetryOptions> retryOptions,
    IOptions<SyncOptions> syncOptions,
    TodoistTargetResolver targets,
    JobStorage jobStorage,
    SloQueries slo,
    MaintenanceQueries maintenance)
{
    /// <summary>How far back a sync's deletions count as recent for <c>MASS_DELETION</c>.</summary>
    public static readonly TimeSpan RecentDeletionWindow = TimeSpan.FromDays(1);

    public async Task<ServiceHealth> GetAsync(string service, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await db.SyncStates.AsNoTracking().SingleOrDefaultAsync(s => s.Service == service, ct)
                    ?? new SyncState { Service = service };

        var chain = await db.SyncErrors.AsNoTracking()
            .Where(c => c.Service == service && c.ResolvedUtc == null)
            .OrderByDescending(c => c.CreatedUtc)
            .Select(c => new { c.Kind, c.CreatedUtc, c.RetryCount, c.NextRetryUtc })
            .FirstOrDefaultAsync(ct);
        var lastFailureKind = await db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == service && e.Status == SyncStatus.Failed)
            .OrderByDescending(e => e.StartedUtc).ThenByDescending(e => e.Id)
            .Select(e => e.ErrorKind)
            .FirstOrDefaultAsync(ct);

        var hourAgo = now.AddHours(-1);
        var lastHour = await db.SyncEvents.AsNoTracking()
            // Finished means succeeded or failed, spelled as an IN list: with "<> Started" SQLite reads the whole
            // of IX_sync_events_status (it covers the GROUP BY) instead of two short ranges of it.
            .Where(e => e.Service == service && e.StartedUtc >= hourAgo &&
                        (e.Status == SyncStatus.Succeeded || e.Status == SyncStatus.Failed))
            .GroupBy(e => e.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var attempts = lastHour.Sum(g => g.Count);
        var failures = lastHour.Where(g => g.Status == SyncStatus.Failed).Sum(g => g.Count);

        // The last hour's p95 from its raw events (an hour is a few dozen rows), leaving full syncs out: a daily
        // full sync is meant to be slower than the incremental ones, and must not read as "slower than usual".
        var recent = await db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == service && e.StartedUtc >= hourAgo && e.Status == SyncStatus.Succeeded
                        && e.Type != SyncType.Full && e.DurationMs != null)
            .Select(e => e.DurationMs!.Value)
            .ToListAsync(ct);
        var p95 = NearestRank(recent, 0.95);
        // The usual: the median of the 7 days before the recent hours, from the hourly rollups; robust to the odd full
        // sync among hundreds, and left out while there is too little history to call anything usual.
        var baseline = await SketchBetweenAsync(db, service, now.AddDays(-7), MetricArithmetic.HourOf(hourAgo), ct);
        var median = baseline.Count >= MinBaselineSyncs ? baseline.Quantile(0.5) : null;

        var deletion = await LargestRecentDeletionAsync(db, service, now, ct);
        var interval = SyncInterval.Of(syncOptions.Value.IncrementalCronFor(targets.IsDemoMode), now);

        var verification = await db.MirrorVerifications.AsNoTracking()
            .Where(v => v.Service == service
                        && (v.Outcome == VerificationOutcome.Exact || v.Outcome == VerificationOutcome.Drift))
            .OrderByDescending(v => v.VerifiedUtc).ThenByDescending(v => v.Id)
            .FirstOrDefaultAsync(ct);

        var input = HealthInput.FromState(state) with
        {
            LastVerification = verification is null ? null : VerificationSummary.Of(verification),
            OpenChain = chain is null
                ? null
                : OpenChainSummary.Of(chain.Kind, chain.CreatedUtc, chain.RetryCount, chain.NextRetryUtc, retryOptions.Value.RetryLimit()),
            LastFailureKind = lastFailureKind,
            ExpectedInterval = interval,
            LastHourAttempts = attempts,
            LastHourFailures = failures,
            LastHourP95Ms = p95,
            SevenDayMedianMs = median,
            LargestRecentDeletionShare = deletion?.Share,
            LargestRecentDeletionUtc = deletion?.AtUtc,
            SloBurns = await slo.BurnFindingsAsync(db, service, now, ct),
        };
        var report = HealthEvaluator.Evaluate(input, healthOptions.Value, now);
        var acknowledged = await AcknowledgementsAsync(db, service, report.Alerts.Select(a => a.Code).ToList(), now, ct);

        return new ServiceHealth(
            service,
            report.Status,
            report.Alerts.Select(a => new HealthAlertRow(a.Code, a.Severity, a.Message, a.SinceUtc,
                acknowledged.GetValueOrDefault(a.Code))).ToList(),
            now,
            state.LastSuccessfulSyncUtc,
            state.ConsecutiveFailures,
            report.DataAge?.TotalSeconds,
            attempts,
            failures,
            report.LastHourErrorRate,
            p95,
            median,
            report.SlowdownFactor,
            deletion?.Share,
            interval?.TotalSeconds,
            NextScheduledSync(),
            Uptime.Summarize(await AttemptPointsAsync(db, service, now.AddDays(-30), ct), now,
                await maintenance.ExcludedAsync(db, service, now.AddDays(-30), now, ct)));
    }

    /// <summary>Ends the acknowledgements whose alert this evaluation no longer raises, and returns the newest standing
    /// one of each alert it raises. Whoever evaluates health first sees the recovery: the alert evaluation (after every
    /// run and every minute), the overview and the Alerts page, the API, the telemetry gauges. The update is
    /// conditional, so when several nodes see it at once the first one's time stands. Only acknowledgements made
    /// before this evaluation began are ended: one made meanwhile was made against newer health than these inputs.</summary>
    private static async Task<Dictionary<string, AcknowledgementRow>> AcknowledgementsAsync(
        MonitoringDbContext db, string service, IReadOnlyList<string> raised, DateTime evaluatedUtc, CancellationToken ct)
    {
        var standing = await db.AlertAcknowledgements.AsNoTracking()
            .Where(a => a.Service == service && a.EndedUtc == null)
            .OrderByDescending(a => a.AcknowledgedUtc).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Code, Row = new AcknowledgementRow(a.Id, a.Code, a.AcknowledgedBy, a.AcknowledgedUtc, a.Note, null) })
            .ToListAsync(ct);
        if (standing.Count == 0) return [];
        var ended = standing.Where(a => !raised.Contains(a.Code) && a.Row.At < evaluatedUtc).Select(a => a.Id).ToList();
        if (ended.Count > 0)
        {
            await db.AlertAcknowledgements.Where(a => ended.Contains(a.Id) && a.EndedUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.EndedUtc, evaluatedUtc), ct);
        }
        return standing.Where(a => raised.Contains(a.Code)).GroupBy(a => a.Code)
            .ToDictionary(g => g.Key, g => g.First().Row, StringComparer.Ordinal);
    }

    /// <summary>Below this many timed syncs in the baseline there is no "usual" to compare with.</summary>
    public const int MinBaselineSyncs = 20;

    private static async Task<DurationSketch> SketchBetweenAsync(
        MonitoringDbContext db, string service, DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        DurationSketch.Merge(await db.SyncMetrics.AsNoTracking()
            .Where(m => m.Service == service && m.Period == MetricPeriod.Hourly
                        && m.PeriodStartUtc >= fromUtc && m.PeriodStartUtc < toUtc)
            .Select(m => m.DurationSketch)
            .ToListAsync(ct));

    private static double? NearestRank(List<long> values, double p)
    {
        if (values.Count == 0) return null;
        values.Sort();
        return values[Math.Clamp((int)Math.Ceiling(p * values.Count) - 1, 0, values.Count - 1)];
    }

    private sealed record Deletion(double Share, DateTime AtUtc);

    /// <summary>The recent run that deleted the most, as a share of the mirror before it (what is mirrored now plus
    /// what it deleted: close enough for an alert threshold, and never above 1).</summary>
    private static async Task<Deletion?> LargestRecentDeletionAsync(
        MonitoringDbContext db, string service, DateTime now, CancellationToken ct)
    {
        var since = now - RecentDeletionWindow;
        var largest = await db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == service && e.Status == SyncStatus.Succeeded && e.StartedUtc >= since && e.ItemsDeleted > 0)
            .OrderByDescending(e => e.ItemsDeleted)
            .Select(e => new { e.ItemsDeleted, At = e.CompletedUtc ?? e.StartedUtc })
            .FirstOrDefaultAsync(ct);
        if (largest is null) return null;
        var mirrored = await db.Items.CountAsync(ct) + await db.Projects.CountAsync(ct) + await db.Sections.CountAsync(ct) +
                       await db.Labels.CountAsync(ct) + await db.Notes.CountAsync(ct);
        return new Deletion((double)largest.ItemsDeleted / (mirrored + largest.ItemsDeleted), largest.At);
    }

    /// <summary>The attempts that change the state, in the window, and the last attempt before it (it sets the state
    /// at the window's start): every failure, and the first success after each failure and at the window's start.
    /// A success after a success changes nothing, so leaving it out gives the same uptime as passing every attempt
    /// (see <see cref="Uptime.Compute"/>) while reading a few thousand rows instead of every run of 30 days (82,000
    /// at one run every 30 s). "After" is by start time: the lease runs one sync of a service at a time, so runs
    /// start in the order they finish, and no two start at the same instant. (A plain range on the start, ordered by the
    /// start alone, keeps each look-up one seek of IX_sync_events_status: an "or the same start and a greater id"
    /// tie-break makes SQLite scan the whole index per failure, and ordering by the id after the start, a column the
    /// index does not hold in that order, made PostgreSQL sort every later success per failure, 137 ms of a 200 ms
    /// health read at 1,000,000 events.)</summary>
    private static async Task<IReadOnlyList<AttemptPoint>> AttemptPointsAsync(
        MonitoringDbContext db, string service, DateTime fromUtc, CancellationToken ct)
    {
        var events = db.SyncEvents.AsNoTracking().Where(e => e.Service == service);
        var before = await events.Where(e => e.Status != SyncStatus.Started && e.StartedUtc < fromUtc)
            .OrderByDescending(e => e.StartedUtc).ThenByDescending(e => e.Id)
            .Select(e => new { At = e.CompletedUtc ?? e.StartedUtc, e.Status })
            .FirstOrDefaultAsync(ct);
        var successes = events.Where(e => e.Status == SyncStatus.Succeeded);
        var failures = events.Where(e => e.Status == SyncStatus.Failed && e.StartedUtc >= fromUtc);
        var failed = await failures.Select(e => e.CompletedUtc ?? e.StartedUtc).ToListAsync(ct);
        var recovered = await failures
            .Select(f => successes.Where(s => s.StartedUtc > f.StartedUtc)
                .OrderBy(s => s.StartedUtc)
                .Select(s => (DateTime?)(s.CompletedUtc ?? s.StartedUtc))
                .FirstOrDefault())
            // No "is not null" here: SQL would run the look-up a second time for it; the null (a failure not yet
            // followed by a success) is dropped below.
            .Distinct()
            .ToListAsync(ct);
        var firstSuccess = await successes.Where(e => e.StartedUtc >= fromUtc)
            .OrderBy(e => e.StartedUtc)
            .Select(e => (DateTime?)(e.CompletedUtc ?? e.StartedUtc))
            .FirstOrDefaultAsync(ct);

        var points = failed.Select(at => new AttemptPoint(at, Succeeded: false))
            .Concat(recovered.Append(firstSuccess).OfType<DateTime>().Distinct().Select(at => new AttemptPoint(at, Succeeded: true)))
            .ToList();
        if (before is not null) points.Add(new AttemptPoint(before.At, before.Status == SyncStatus.Succeeded));
        return points.OrderBy(a => a.AtUtc).ToList();
    }

    /// <summary>When Hangfire will next run the recurring incremental sync; null when it is not registered or its
    /// cron never fires.</summary>
    private DateTime? NextScheduledSync()
    {
        using var connection = jobStorage.GetConnection();
        var job = connection.GetRecurringJobs([SyncSchedule.IncrementalJobId]).FirstOrDefault();
        return job?.NextExecution is { } next ? DateTime.SpecifyKind(next, DateTimeKind.Utc) : null;
    }
}
