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
    /// at the window's start), from the rollups' attempt logs (<see cref="AttemptLog"/>): the attempts the objectives
    /// count, so a run that lost its lease to another node or was cancelled by a stopping app is not downtime. Only a
    /// change of state matters to <see cref="Uptime.Compute"/>, so the list keeps those: a few thousand of the 86,000
    /// attempts of 30 days at one run every 30 s.</summary>
    private static async Task<IReadOnlyList<AttemptPoint>> AttemptPointsAsync(
        MonitoringDbContext db, string service, DateTime fromUtc, CancellationToken ct)
    {
        var points = new List<AttemptPoint>();
        if (await AttemptLog.LastBeforeHourAsync(db, service, fromUtc, _ => true, ct) is { } before)
        {
            points.Add(new AttemptPoint(before.EndUtc, before.Succeeded));
        }
        foreach (var attempt in await AttemptLog.SinceAsync(db, service, fromUtc, ct))
        {
            if (points.Count == 0 || points[^1].Succeeded != attempt.Succeeded)
            {
                points.Add(new AttemptPoint(attempt.EndUtc, attempt.Succeeded));
            }
        }
        return points;
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
