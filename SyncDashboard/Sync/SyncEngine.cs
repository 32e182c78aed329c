using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Live;
using SyncDashboard.Maintenance;
using SyncDashboard.Sync.Mirror;
using SyncDashboard.Sync.Verification;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Sync;

/// <summary>One sync run (docs/sync.md): lease, <c>Started</c> event, fetch, one transaction for
/// mirror rows + new token + completed event + state + hourly rollup + error chain, then notify. Knows nothing
/// about Hangfire.</summary>
public sealed class SyncEngine(
    IDbContextFactory<MonitoringDbContext> dbFactory,
    TodoistClient todoist,
    SyncLease lease,
    RunRecorder recorder,
    MirrorWriter mirror,
    MirrorVerifier verifier,
    MirrorVerifications verifications,
    IOptions<VerificationOptions> verification,
    MonitoringNotifier notifier,
    MaintenanceQueries maintenance,
    SyncTelemetry telemetry,
    TimeProvider time,
    IOptions<SyncOptions> options,
    ILogger<SyncEngine> logger)
{
    public async Task<SyncOutcome> RunAsync(SyncRequest request, CancellationToken ct)
    {
        // Every line logged about this run, here and by what it calls, carries its type and trigger (and, once it
        // has one, its event id): an operator can follow one run through the log.
        using var runScope = logger.BeginScope("{SyncType} sync ({SyncTrigger})", request.Type, request.Trigger);
        if (PausePolicy.Holds(request.Trigger, await IsPausedAsync(ct)))
        {
            telemetry.Paused.Add(1);
            telemetry.RecordRun(request.Type, request.Trigger, "paused");
            logger.LogInformation("{Type} sync ({Trigger}) not run: syncing is paused", request.Type, request.Trigger);
            return SyncOutcome.Paused with { ChainId = request.ChainId };
        }
        if (PausePolicy.Holds(request.Trigger, isPaused: true) && await MaintenancePauseEndAsync(ct) is { } windowEnd)
        {
            // The same runs a pause holds wait for the window's end instead of being dropped: a retry or a webhook's
            // run is scheduled again for then, as after Todoist's 429 (a scheduled run is not: the next one comes).
            telemetry.Paused.Add(1);
            telemetry.RecordRun(request.Type, request.Trigger, "paused");
            logger.LogInformation("{Type} sync ({Trigger}) deferred: a maintenance window pauses syncing until {Until:u}",
                request.Type, request.Trigger, windowEnd);
            return new SyncOutcome(SyncOutcomeKind.Deferred) { DeferredUntilUtc = windowEnd, ChainId = request.ChainId };
        }

        var owner = RunIdentity.NewRunOwner();
        if (!await lease.TryAcquireAsync(ServiceName.Todoist, owner, options.Value.RunTimeout, ct))
        {
            telemetry.Skipped.Add(1);
            telemetry.RecordRun(request.Type, request.Trigger, "skipped");
            logger.LogInformation("{Type} sync ({Trigger}) skipped: another run holds the lease", request.Type, request.Trigger);
            return SyncOutcome.Skipped;
        }

        try
        {
            await recorder.CloseAbandonedAsync(ServiceName.Todoist, ct);
            // The rate gate: after a 429 nothing calls Todoist before the time it gave.
            if (await RateLimitedUntilAsync(ct) is { } until)
            {
                logger.LogInformation("{Type} sync ({Trigger}) deferred: Todoist asked us to wait until {Until:u}",
                    request.Type, request.Trigger, until);
                return new SyncOutcome(SyncOutcomeKind.Deferred) { DeferredUntilUtc = until, ChainId = request.ChainId };
            }
            // The whole run gives up before the lease can expire under it.
            using var run = CancellationTokenSource.CreateLinkedTokenSource(ct);
            run.CancelAfter(options.Value.RunTimeout - TimeSpan.FromSeconds(5));

            var (outcome, followUp) = await StepAsync(request, owner, run.Token, ct);
            if (outcome.Kind == SyncOutcomeKind.Succeeded && followUp is { } type)
            {
                // Once only: a follow-up never asks for another.
                (outcome, _) = await StepAsync(request with { Type = type }, owner, run.Token, ct);
            }
            return outcome;
        }
        finally
        {
            await lease.ReleaseAsync(ServiceName.Todoist, owner, CancellationToken.None);
            // After the release, so that pages reloading on this see the run finished and the lease free.
            await notifier.NotifyAsync();
        }
    }

    /// <summary>One attempt under the lease: Started event, fetch, apply in one transaction, or record the failure.
    /// Also says which sync, if any, must follow at once to complete what this one brought.</summary>
    private async Task<(SyncOutcome Outcome, SyncType? FollowUp)> StepAsync(
        SyncRequest request, string owner, CancellationToken ct, CancellationToken hostStopping)
    {
        long? eventId = null;
        IDisposable? eventScope = null;
        var started = time.GetTimestamp();
        using var trace = SyncTelemetry.Source.StartActivity("sync.run");
        trace?.SetTag("sync.type", SyncTelemetry.Tag(request.Type));
        trace?.SetTag("sync.trigger", SyncTelemetry.Tag(request.Trigger));
        try
        {
            var storedToken = await StoredTokenAsync(ct);
            var token = request.Type == SyncType.Full || storedToken is null ? TodoistClient.FullSyncToken : storedToken;
            // Without a stored token Todoist can only answer with a full snapshot: record the run as what it is.
            var effective = token == TodoistClient.FullSyncToken ? request with { Type = SyncType.Full } : request;
            var askedAt = time.GetUtcNow().UtcDateTime;
            eventId = await recorder.StartAsync(ServiceName.Todoist, effective, token, ct);
            eventScope = logger.BeginScope("Sync event #{SyncEventId}", eventId);
            trace?.SetTag("sync.event_id", eventId);
            await notifier.NotifyAsync();

            SyncResponse response;
            string sentToken;
            VerifiedFetch? verified = null;
            using (SyncTelemetry.Source.StartActivity("sync.fetch"))
            {
                if (token == TodoistClient.FullSyncToken && storedToken is not null && verification.Value.Enabled)
                {
                    // A full sync over an existing mirror first proves whether that mirror was exact.
                    verified = await verifier.FetchAsync(storedToken, ct);
                    (response, sentToken) = (verified.Snapshot, TodoistClient.FullSyncToken);
                }
                else
                {
                    (response, sentToken) = await FetchAsync(token, ct);
                }
            }
            var isFull = sentToken == TodoistClient.FullSyncToken || response.FullSync;
            var type = isFull ? SyncType.Full : request.Type;
            var (changes, obsoleteRetry, lacksComments) = await ApplyAsync(eventId.Value, owner, response, type, verified, ct);

            telemetry.Succeeded.Add(1);
            telemetry.RecordRun(type, request.Trigger, "succeeded", time.GetElapsedTime(started));
            telemetry.RecordChanges(type, changes);
            trace?.SetTag("sync.type", SyncTelemetry.Tag(type));
            trace?.SetTag("sync.outcome", "succeeded");
            trace?.SetTag("sync.items", response.ObjectCount);
            logger.LogInformation(
                "{Type} sync succeeded: {Objects} objects (+{Added} ~{Updated} -{Deleted})",
                type, response.ObjectCount, changes.Added, changes.Updated, changes.Deleted);
            SyncType? followUp = null;
            if (isFull && SnapshotLag.NeedsFollowUp(response.FullSyncDateUtc, askedAt))
            {
                // Todoist says a big account's snapshot can be older than the moment it was asked for; what changed
                // in between comes with an incremental sync, at once rather than at the next schedule.
                logger.LogInformation("The full sync's snapshot lags behind; following up with an incremental sync");
                followUp = SyncType.Incremental;
            }
            else if (lacksComments)
            {
                logger.LogInformation("Reopened tasks came without their comments; following up with a full sync");
                followUp = SyncType.Full;
            }
            return (new SyncOutcome(SyncOutcomeKind.Succeeded, eventId) { ObsoleteRetryJobId = obsoleteRetry }, followUp);
        }
        catch (LeaseLostException) when (eventId is not null)
        {
            // Not a sync failure: someone else is syncing. No failure count, no error chain, no retry.
            logger.LogWarning("{Type} sync lost its lease before committing; nothing was applied", request.Type);
            telemetry.RecordRun(request.Type, request.Trigger, "lease_lost", time.GetElapsedTime(started));
            trace?.SetTag("sync.outcome", "lease_lost");
            await recorder.CloseUncountedAsync(eventId.Value, UncountedRuns.LeaseLost,
                "Another run took over the lease before this one committed; nothing of this run was applied.");
            return (SyncOutcome.Skipped with { EventId = eventId }, null);
        }
        catch (OperationCanceledException) when (eventId is not null && hostStopping.IsCancellationRequested)
        {
            // The app is stopping: not Todoist's fault and not a failure of the sync. Close the event honestly and
            // let Hangfire see the cancellation, so the job is requeued where the storage keeps it.
            trace?.SetTag("sync.outcome", "cancelled");
            await recorder.CloseUncountedAsync(eventId.Value, UncountedRuns.Cancelled,
                "The app stopped while this run was in progress; nothing of it was applied.");
            throw;
        }
        catch (Exception ex) when (eventId is not null)
        {
            var failure = SyncFailure.From(ex);
            telemetry.Failed.Add(1);
            telemetry.RecordRun(request.Type, request.Trigger, "failed", time.GetElapsedTime(started));
            trace?.SetTag("sync.outcome", "failed");
            trace?.SetTag("sync.error", failure.Code);
            trace?.SetStatus(ActivityStatusCode.Error, failure.Code);
            logger.LogWarning("{Type} sync ({Trigger}) failed: {Code} ({Kind}) {Message}",
                request.Type, request.Trigger, failure.Code, failure.Kind, failure.Message);
            // Recorded even while the app shuts down: a failure that leaves no trace is a lost failure.
            var record = await recorder.RecordFailureAsync(ServiceName.Todoist, eventId.Value, request, failure, CancellationToken.None);
            return (new SyncOutcome(SyncOutcomeKind.Failed, eventId, failure)
            {
                ChainId = record?.ChainId,
                RetryAtUtc = record?.RetryAtUtc,
            }, null);
        }
        finally
        {
            eventScope?.Dispose();
        }
    }

    /// <summary>Fetches with the stored token; an invalid token means "start over" with a full sync, in this run.</summary>
    private async Task<(SyncResponse Response, string SentToken)> FetchAsync(string token, CancellationToken ct)
    {
        try
        {
            return (await todoist.SyncAsync(token, ct), token);
        }
        catch (TodoistApiException ex) when (ex.Kind == FailureKind.InvalidSyncToken && token != TodoistClient.FullSyncToken)
        {
            logger.LogWarning("Todoist rejected the stored sync token; falling back to a full sync in the same run");
            return (await todoist.SyncAsync(TodoistClient.FullSyncToken, ct), TodoistClient.FullSyncToken);
        }
    }

    private async Task<(MirrorChanges Changes, string? ObsoleteRetryJobId, bool LacksComments)> ApplyAsync(
        long eventId, string owner, SyncResponse response, SyncType type, VerifiedFetch? verified, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await lease.RenewWithinAsync(db, ServiceName.Todoist, owner, options.Value.RunTimeout, ct))
        {
            // Our lease expired and another run took it: its token is the truth, ours must not land.
            throw new LeaseLostException();
        }
        var syncedAt = time.GetUtcNow().UtcDateTime;
        MirrorChanges changes;
        bool lacksComments;
        if (verified is not null)
        {
            using (SyncTelemetry.Source.StartActivity("sync.verify"))
            {
                await verifications.RecordAsync(db, eventId, verified, syncedAt, ct);
            }
        }
        using (SyncTelemetry.Source.StartActivity("sync.apply"))
        {
            changes = await mirror.ApplyAsync(db, response, type == SyncType.Full, syncedAt, ct);
            lacksComments = type != SyncType.Full && await mirror.LacksCommentsAsync(db, response, ct);
        }
        var result = new RunResult(ServiceName.Todoist, type, response.SyncToken!, response.ObjectCount, changes, response.FullSyncDateUtc);
        string? obsoleteRetry;
        try
        {
            obsoleteRetry = await recorder.SucceedAsync(db, eventId, result, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The event is no longer Started: another node closed it as abandoned. Nothing of this run may land.
            throw new LeaseLostException();
        }
        using (SyncTelemetry.Source.StartActivity("sync.commit"))
        {
            await tx.CommitAsync(ct);
        }
        logger.LogDebug("Applied {Objects} objects in {Elapsed} ms", response.ObjectCount,
            (long)time.GetElapsedTime(started).TotalMilliseconds);
        return (changes, obsoleteRetry, lacksComments);
    }

    private async Task<DateTime?> RateLimitedUntilAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var until = await db.SyncStates.Where(s => s.Service == ServiceName.Todoist).Select(s => s.RateLimitedUntilUtc).SingleOrDefaultAsync(ct);
        return until > time.GetUtcNow().UtcDateTime ? until : null;
    }

    /// <summary>The end of the latest maintenance window in progress that pauses syncing; null when none does.</summary>
    private async Task<DateTime?> MaintenancePauseEndAsync(CancellationToken ct)
    {
        var pausing = (await maintenance.ActiveAsync(ServiceName.Todoist, ct)).Where(s => s.PauseSyncing).ToList();
        return pausing.Count == 0 ? null : pausing.Max(s => s.EndUtc);
    }

    private async Task<bool> IsPausedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SyncStates.Where(s => s.Service == ServiceName.Todoist).Select(s => s.IsPaused).SingleOrDefaultAsync(ct);
    }

    private async Task<string?> StoredTokenAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SyncStates.Where(s => s.Service == ServiceName.Todoist).Select(s => s.LastSyncToken).SingleOrDefaultAsync(ct);
    }
}
