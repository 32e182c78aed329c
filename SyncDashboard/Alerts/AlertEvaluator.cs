using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Live;
using SyncDashboard.Maintenance;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Alerts;

/// <summary>Evaluates health, lets <see cref="FlapControl"/> decide, stores its memory and the notifications it asks
/// for in one conditional save, then queues one delivery job per notification. Does nothing while no channel is
/// configured. During a maintenance window the notifications are recorded as suppressed instead of queued; after it,
/// one summary goes out if the problem outlived it (see <see cref="HeldBackAsync"/>).</summary>
public sealed class AlertEvaluator(
    IDbContextFactory<MonitoringDbContext> dbFactory,
    HealthQueries health,
    MaintenanceQueries maintenance,
    IBackgroundJobClient jobs,
    MonitoringNotifier notifier,
    TimeProvider time,
    IOptions<AlertOptions> options,
    ILogger<AlertEvaluator> logger)
{
    /// <summary>Each lost race means another node saved an evaluation; with a handful of nodes this is never reached.</summary>
    private const int MaxConcurrentTries = 20;
    private const int MaxObserveTries = 5;

    // One evaluation at a time on this node: a run queues two (started, finished) and the schedule adds its own.
    // The version check covers other nodes; this keeps the common, local race from costing a failed save each time.
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public async Task EvaluateAsync(EvaluationReason reason, CancellationToken ct)
    {
        if (!options.Value.AnyChannel) return;
        await oneAtATime.WaitAsync(ct);
        try { await EvaluateOnceAsync(reason, ct); }
        finally { oneAtATime.Release(); }
    }

    private async Task EvaluateOnceAsync(EvaluationReason reason, CancellationToken ct)
    {
        var settings = options.Value;
        var service = ServiceName.Todoist;
        // Most "changed" signals (a run starting, a delivery recorded, a page action) bring no finished run: skip
        // those before paying for a health report.
        if (reason == EvaluationReason.AfterRun && !await HasNewRunAsync(service, ct)) return;
        var (latestRun, report) = await ObserveAsync(service, ct);
        var critical = report.Alerts.Where(a => a.Severity == AlertSeverity.Critical).Select(a => a.Code).ToList();
        // Reminders are held while every alert raised is acknowledged; one nobody acknowledged is reminded about.
        var allAcknowledged = report.Alerts.Count > 0 && report.Alerts.All(a => a.Acknowledged is not null);
        // The window that holds notifications now: the one that lasts longest, so a summary waits for all of them.
        var holding = (await maintenance.ActiveAsync(service, ct)).MaxBy(s => s.EndUtc);

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var state = await db.AlertStates.SingleOrDefaultAsync(s => s.Service == service, ct);
            if (state is null)
            {
                state = new AlertState { Service = service };
                db.AlertStates.Add(state);
            }
            // A run raises "changed" when it starts and when it ends, and several runs may end before a queued
            // evaluation starts: each finished run counts once, so N and M count runs (and ticks of the schedule).
            // An evaluation that saw an older run than one already counted (it lost a race with a newer one) has
            // only older health to add.
            if (latestRun < state.LastRunEventId) return;
            if (reason == EvaluationReason.AfterRun && (latestRun is null || latestRun == state.LastRunEventId)) return;

            var now = time.GetUtcNow().UtcDateTime;
            var decision = FlapControl.Decide(
                state.ToMemory(), report.Status, critical, FlapPolicy.From(settings), now, allAcknowledged);
            state.Remember(decision.Memory);
            state.LastObservedStatus = report.Status;
            state.LastEvaluatedUtc = now;
            if (latestRun > state.LastRunEventId || state.LastRunEventId is null) state.LastRunEventId = latestRun;
            state.Evaluations++;
            state.Version++;
            var chain = decision.Notify is { Kind: NotificationKind.Recovered, ProblemSinceUtc: { } since }
                ? await ChainOfProblemAsync(db, service, since, now, ct)
                : null;
            var created = decision.Notify is { } planned ? AddNotifications(db, service, planned, report, chain, now, holding) : [];
            if (holding is null && await HeldBackAsync(db, service, now, ct) is { Count: > 0 } heldBack)
            {
                // Decided once: the same conditional save that records this evaluation clears the held ones' mark.
                foreach (var held in heldBack) held.NextAttemptUtc = null;
                if (decision.Notify is null && report.Status != HealthStatus.Healthy)
                {
                    var summary = new PlannedNotification(NotificationKind.AfterMaintenance, heldBack[0].FromStatus, report.Status,
                        state.BadSinceUtc);
                    created = AddNotifications(db, service, summary, report, null, now, null);
                    foreach (var notification in created) notification.MaintenanceWindowId = heldBack[0].MaintenanceWindowId;
                }
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (attempt < MaxConcurrentTries)
            {
                // Another node evaluated at the same moment and saved first: decide again from what it stored.
                logger.LogDebug(ex, "Alert state changed under evaluation; evaluating again");
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 50)), time, ct);
                continue;
            }
            if (holding is not null && decision.Notify is { } withheld)
            {
                logger.LogInformation("Health {From} → {To} ({Kind}): held by maintenance window #{Window} until {End:u}",
                    withheld.From, withheld.To, withheld.Kind, holding.WindowId, holding.EndUtc);
                await notifier.NotifyAsync();
            }
            else if (created.Count > 0)
            {
                var sent = created[0];
                logger.LogInformation("Health {From} → {To} ({Kind}): notifying {Count} channel(s)",
                    sent.FromStatus, sent.ToStatus, sent.Kind, created.Count);
                await DispatchAsync(db, created.Select(n => n.Id), ct);
                await notifier.NotifyAsync();
            }
            return;
        }
    }

    /// <summary>Queues deliveries that lost their job (the process died between the save and the queueing, or
    /// in-memory Hangfire storage was lost in a restart). A delivery claims its attempt, so a duplicate is harmless.</summary>
    public async Task RequeueOrphansAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(2);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orphans = await db.AlertNotifications
            .Where(n => (n.Outcome == NotificationOutcome.Pending && n.CreatedUtc < cutoff) ||
                        (n.Outcome == NotificationOutcome.Failed && n.NextAttemptUtc != null && n.NextAttemptUtc < cutoff))
            .Select(n => n.Id).Take(100).ToListAsync(ct);
        if (orphans.Count == 0) return;
        logger.LogWarning("Queueing {Count} alert notification(s) again whose delivery never ran", orphans.Count);
        await DispatchAsync(db, orphans, ct);
    }

    /// <summary>The failure chain a recovery links to: the newest one open at any time during the problem (opened
    /// before it ended, and not closed before it began). A problem without a failed run (data gone stale because
    /// nothing ran) has none.</summary>
    private static Task<long?> ChainOfProblemAsync(
        MonitoringDbContext db, string service, DateTime sinceUtc, DateTime nowUtc, CancellationToken ct) =>
        db.SyncErrors.AsNoTracking()
            .Where(c => c.Service == service && c.CreatedUtc <= nowUtc && (c.ResolvedUtc == null || c.ResolvedUtc >= sinceUtc))
            .OrderByDescending(c => c.CreatedUtc).ThenByDescending(c => c.Id)
            .Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);

    /// <summary>The notifications held by maintenance windows that have ended (their next attempt is the window's end)
    /// and not yet summed up, newest first.</summary>
    private static Task<List<AlertNotification>> HeldBackAsync(
        MonitoringDbContext db, string service, DateTime now, CancellationToken ct) =>
        db.AlertNotifications
            .Where(n => n.Service == service && n.Outcome == NotificationOutcome.Suppressed && n.NextAttemptUtc != null &&
                        n.NextAttemptUtc <= now)
            .OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id)
            .ToListAsync(ct);

    private List<AlertNotification> AddNotifications(
        MonitoringDbContext db, string service, PlannedNotification planned, ServiceHealth report, long? chain, DateTime now,
        MaintenanceSpan? holding)
    {
        var settings = options.Value;
        var alerts = report.Alerts;
        var channels = new List<AlertChannel>();
        if (settings.Webhook.IsConfigured) channels.Add(AlertChannel.Webhook);
        if (settings.Email.IsConfigured) channels.Add(AlertChannel.Email);
        var created = channels.Select(channel => new AlertNotification
        {
            Service = service,
            CreatedUtc = now,
            Channel = channel,
            Kind = planned.Kind,
            FromStatus = planned.From,
            ToStatus = planned.To,
            AlertCodes = string.Join(',', alerts.Select(a => a.Code)),
            AlertsJson = AlertMessage.AlertsJson(alerts),
            Subject = AlertMessage.Subject(service, planned, alerts),
            ProblemSinceUtc = planned.ProblemSinceUtc,
            ProblemEndedUtc = planned.ProblemEndedUtc,
            ErrorChainId = chain,
            Outcome = holding is null ? NotificationOutcome.Pending : NotificationOutcome.Suppressed,
            MaintenanceWindowId = holding?.WindowId,
            // A held one is looked at again when its window ends, to decide the summary.
            NextAttemptUtc = holding?.EndUtc,
        }).ToList();
        db.AlertNotifications.AddRange(created);
        return created;
    }

    private async Task DispatchAsync(MonitoringDbContext db, IEnumerable<long> ids, CancellationToken ct)
    {
        foreach (var id in ids)
        {
            // The job carries the id only: channel settings, and the SMTP password with them, stay in configuration.
            var jobId = jobs.Enqueue<AlertJobs>(j => j.DeliverAsync(id, CancellationToken.None));
            await db.AlertNotifications.Where(n => n.Id == id && n.Outcome == NotificationOutcome.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.JobId, jobId), ct);
        }
    }

    /// <summary>The health and the newest finished run it reflects. A run that commits while health is being read
    /// would pair its id with the health from before it (and a good run would count as bad): read again until the
    /// newest run is the same before and after.</summary>
    private async Task<(long? LatestRun, ServiceHealth Report)> ObserveAsync(string service, CancellationToken ct)
    {
        var latestRun = await LatestFinishedRunAsync(service, ct);
        for (var attempt = 1; ; attempt++)
        {
            var report = await health.GetAsync(service, ct);
            var after = await LatestFinishedRunAsync(service, ct);
            if (after == latestRun || attempt == MaxObserveTries) return (latestRun, report);
            latestRun = after;
        }
    }

    private async Task<bool> HasNewRunAsync(string service, CancellationToken ct)
    {
        var latestRun = await LatestFinishedRunAsync(service, ct);
        if (latestRun is null) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counted = await db.AlertStates.AsNoTracking().Where(s => s.Service == service)
            .Select(s => s.LastRunEventId).FirstOrDefaultAsync(ct);
        return counted is null || latestRun > counted;
    }

    private async Task<long?> LatestFinishedRunAsync(string service, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == service && (e.Status == SyncStatus.Succeeded || e.Status == SyncStatus.Failed))
            .OrderByDescending(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct);
    }
}
