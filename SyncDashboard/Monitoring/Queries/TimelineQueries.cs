using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Maintenance;
using SyncDashboard.Monitoring.Notes;

namespace SyncDashboard.Monitoring.Queries;

public sealed class TimelineQueries(IDbContextFactory<MonitoringDbContext> dbFactory, TimeProvider time)
{
    public const int MaxHours = 720;
    /// <summary>The most markers one chart gets; a month of a flaky account has thousands of chain openings.</summary>
    public const int MaxAnnotations = 150;

    /// <summary>The last <paramref name="hours"/> hours up to and including the current one, from the hourly
    /// rollups, with no hour missing.</summary>
    public async Task<SyncTimeline> GetAsync(string service, int hours, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hours, MaxHours);
        var to = MetricArithmetic.HourOf(time.GetUtcNow().UtcDateTime).AddHours(1);
        var from = to.AddHours(-hours);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.SyncMetrics.AsNoTracking()
            .Where(m => m.Service == service && m.Period == MetricPeriod.Hourly &&
                        m.PeriodStartUtc >= from && m.PeriodStartUtc < to)
            .Select(m => new { m.PeriodStartUtc, m.SuccessCount, m.FailureCount, m.TotalDurationMs, m.MaxDurationMs })
            .ToDictionaryAsync(m => m.PeriodStartUtc, ct);
        var manual = await db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == service && e.Trigger == SyncTrigger.Manual && e.StartedUtc >= from && e.StartedUtc < to)
            .OrderBy(e => e.StartedUtc).ThenBy(e => e.Id)
            .Select(e => new TimelineMarker(e.Id, e.StartedUtc, e.Type, e.Status))
            .ToListAsync(ct);

        var points = Enumerable.Range(0, hours).Select(i =>
        {
            var hour = from.AddHours(i);
            return rows.TryGetValue(hour, out var m)
                ? new TimelinePoint(hour, m.SuccessCount, m.FailureCount,
                    MetricQueries.MeanOf(m.TotalDurationMs, m.SuccessCount), m.MaxDurationMs)
                : new TimelinePoint(hour, 0, 0, null, null);
        }).ToList();
        return new SyncTimeline(from, to, points, manual);
    }

    /// <summary>The timeline page's data: bars of <see cref="TimelineRange.BucketHours"/> hours from the hourly rollups
    /// (oldest first, none missing, the last one holding the current hour), with percentiles from the rows' merged
    /// duration sketches, and the newest markers of the window.</summary>
    public async Task<TimelineView> ViewAsync(string service, TimelineRange range, CancellationToken ct)
    {
        var to = MetricArithmetic.HourOf(time.GetUtcNow().UtcDateTime).AddHours(1);
        var from = to.AddHours(-range.Hours);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.SyncMetrics.AsNoTracking()
            .Where(m => m.Service == service && m.Period == MetricPeriod.Hourly &&
                        m.PeriodStartUtc >= from && m.PeriodStartUtc < to)
            .Select(m => new
            {
                m.PeriodStartUtc, m.SuccessCount, m.FailureCount, m.TotalDurationMs, m.MinDurationMs, m.MaxDurationMs,
                m.DurationSketch,
            })
            .ToListAsync(ct);

        var buckets = Enumerable.Range(0, range.Hours / range.BucketHours).Select(i =>
        {
            var start = from.AddHours(i * range.BucketHours);
            var end = start.AddHours(range.BucketHours);
            var inBucket = rows.Where(r => r.PeriodStartUtc >= start && r.PeriodStartUtc < end).ToList();
            if (inBucket.Count == 0) return new TimelineBucket(start, 0, 0, null, null, null);
            var successes = inBucket.Sum(r => r.SuccessCount);
            return new TimelineBucket(
                start,
                successes,
                inBucket.Sum(r => r.FailureCount),
                MetricQueries.MeanOf(inBucket.Sum(r => r.TotalDurationMs), successes),
                MetricQueries.Within(DurationSketch.Merge(inBucket.Select(r => r.DurationSketch)).Quantile(0.95),
                    inBucket.Min(r => r.MinDurationMs), inBucket.Max(r => r.MaxDurationMs)),
                inBucket.Max(r => r.MaxDurationMs));
        }).ToList();

        var (annotations, total) = await AnnotationsAsync(db, service, from, to, ct);
        return new TimelineView(range, from, to, buckets, annotations, total);
    }

    private static async Task<(IReadOnlyList<TimelineAnnotation> Newest, int Total)> AnnotationsAsync(
        MonitoringDbContext db, string service, DateTime from, DateTime to, CancellationToken ct)
    {
        // An acknowledgement and a note added have markers of their own, from their tables, with more to say.
        var audit = db.AuditEntries.AsNoTracking()
            .Where(a => a.Service == service && a.OccurredUtc >= from && a.OccurredUtc < to
                        && a.Action != AuditAction.AcknowledgeAlert && a.Action != AuditAction.AddNote);
        var opened = db.SyncErrors.AsNoTracking()
            .Where(c => c.Service == service && c.CreatedUtc >= from && c.CreatedUtc < to);
        var closed = db.SyncErrors.AsNoTracking()
            .Where(c => c.Service == service && c.ResolvedUtc >= from && c.ResolvedUtc < to);
        // A decision goes to every configured channel at one instant: one marker per instant and kind.
        var alerts = db.AlertNotifications.AsNoTracking()
            .Where(n => n.Service == service && n.CreatedUtc >= from && n.CreatedUtc < to && n.Kind != NotificationKind.Reminder)
            .GroupBy(n => new { n.CreatedUtc, n.Kind, n.ToStatus })
            .Select(g => new { g.Key.CreatedUtc, g.Key.Kind, g.Key.ToStatus, Subject = g.Min(n => n.Subject) });
        var verified = db.MirrorVerifications.AsNoTracking()
            .Where(v => v.Service == service && v.VerifiedUtc >= from && v.VerifiedUtc < to);
        var acknowledged = db.AlertAcknowledgements.AsNoTracking()
            .Where(a => a.Service == service && a.AcknowledgedUtc >= from && a.AcknowledgedUtc < to);
        var unacknowledged = db.AlertAcknowledgements.AsNoTracking()
            .Where(a => a.Service == service && a.EndedUtc >= from && a.EndedUtc < to);
        var noted = NoteQueries.InWindow(db, service, from, to);
        var total = await audit.CountAsync(ct) + await opened.CountAsync(ct) + await closed.CountAsync(ct) +
                    await alerts.CountAsync(ct) + await verified.CountAsync(ct) + await acknowledged.CountAsync(ct) +
                    await unacknowledged.CountAsync(ct) + await noted.CountAsync(ct);
        // Maintenance windows are drawn as bands, like a note over a range: one per occurrence in the window.
        var maintenance = MaintenanceSchedule.Spans(await MaintenanceQueries.WindowsAsync(db, service, ct), from, to);
        total += maintenance.Count;

        // The newest MaxAnnotations of each kind are enough to pick the newest MaxAnnotations of all.
        var actions = await audit.OrderByDescending(a => a.OccurredUtc).Take(MaxAnnotations)
            .Select(a => new { a.OccurredUtc, a.Action, a.Actor, a.Details }).ToListAsync(ct);
        var openings = await opened.OrderByDescending(c => c.CreatedUtc).Take(MaxAnnotations)
            .Select(c => new { c.Id, c.CreatedUtc, c.Kind, c.ErrorCode, c.HttpStatus }).ToListAsync(ct);
        var closings = await closed.OrderByDescending(c => c.ResolvedUtc).Take(MaxAnnotations)
            .Select(c => new { c.Id, ResolvedUtc = c.ResolvedUtc!.Value, c.Resolution, c.ResolvedBy }).ToListAsync(ct);
        var decided = await alerts.OrderByDescending(n => n.CreatedUtc).Take(MaxAnnotations).ToListAsync(ct);
        var verifications = await verified.OrderByDescending(v => v.VerifiedUtc).Take(MaxAnnotations).ToListAsync(ct);
        var acknowledgements = await acknowledged.OrderByDescending(a => a.AcknowledgedUtc).Take(MaxAnnotations)
            .Select(a => new { a.AcknowledgedUtc, a.Code, a.AcknowledgedBy, a.Note }).ToListAsync(ct);
        var endings = await unacknowledged.OrderByDescending(a => a.EndedUtc).Take(MaxAnnotations)
            .Select(a => new { EndedUtc = a.EndedUtc!.Value, a.Code, a.AcknowledgedBy }).ToListAsync(ct);
        var notes = await noted.OrderByDescending(n => n.StartUtc).Take(MaxAnnotations)
            .Select(n => new { n.Id, n.StartUtc, n.EndUtc, n.Text, n.CreatedBy }).ToListAsync(ct);

        var all = actions.Select(a => new TimelineAnnotation(a.OccurredUtc, TimelineMarkerKind.ManualAction,
                      ActionLabel(a.Action), $"{a.Actor}{(a.Details is null ? "" : ": " + a.Details)}"))
            .Concat(openings.Select(c => new TimelineAnnotation(c.CreatedUtc, TimelineMarkerKind.ChainOpened,
                $"Chain #{c.Id} opened", $"{c.Kind}{(c.ErrorCode is null ? "" : " " + c.ErrorCode)}{(c.HttpStatus is null ? "" : $" (HTTP {c.HttpStatus})")}")))
            .Concat(closings.Select(c => new TimelineAnnotation(c.ResolvedUtc, TimelineMarkerKind.ChainClosed,
                $"Chain #{c.Id} closed", $"{c.Resolution}{(c.ResolvedBy is null ? "" : " by " + c.ResolvedBy)}")))
            .Concat(decided.Select(n => new TimelineAnnotation(n.CreatedUtc, TimelineMarkerKind.Alert,
                AlertLabel(n.Kind, n.ToStatus), n.Subject)))
            .Concat(verifications.Select(v => new TimelineAnnotation(v.VerifiedUtc, TimelineMarkerKind.Verification,
                VerificationLabel(v.Outcome), VerificationDetail(v))))
            .Concat(acknowledgements.Select(a => new TimelineAnnotation(a.AcknowledgedUtc, TimelineMarkerKind.Acknowledgement,
                $"{a.Code} acknowledged", $"{a.AcknowledgedBy}: {a.Note}")))
            .Concat(endings.Select(a => new TimelineAnnotation(a.EndedUtc, TimelineMarkerKind.Acknowledgement,
                $"{a.Code} acknowledgement ended", $"the alert is no longer raised (acknowledged by {a.AcknowledgedBy})")))
            .Concat(notes.Select(n => new TimelineAnnotation(n.StartUtc, TimelineMarkerKind.Note,
                NoteLabel(n.Text), $"{n.Text} ({n.CreatedBy})", n.EndUtc, n.Id)))
            .Concat(maintenance.Select(m => new TimelineAnnotation(m.StartUtc, TimelineMarkerKind.Maintenance,
                NoteLabel("Maintenance: " + m.Reason), $"Maintenance window #{m.WindowId}: {m.Reason}", m.EndUtc)))
            .OrderByDescending(a => a.AtUtc).Take(MaxAnnotations).OrderBy(a => a.AtUtc).ToList();
        return (all, total);
    }

    /// <summary>A note's words fit the chart's label at most this long; the table shows them whole.</summary>
    public const int MaxNoteLabelLength = 40;

    private static string NoteLabel(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= MaxNoteLabelLength ? line : string.Concat(line.AsSpan(0, MaxNoteLabelLength - 1), "…");
    }

    private static string VerificationLabel(VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Exact => "Mirror exact",
        VerificationOutcome.Drift => "Drift found",
        VerificationOutcome.Skipped => "Verification skipped",
        _ => "Not verified",
    };

    private static string? VerificationDetail(MirrorVerification v) => v.Outcome == VerificationOutcome.Drift
        ? $"{v.Missing} missing, {v.Extra} extra, {v.Changed} changed"
        : v.Note;

    private static string AlertLabel(NotificationKind kind, HealthStatus to) => kind switch
    {
        NotificationKind.Recovered => "Recovered",
        NotificationKind.CriticalAlert => "Critical alert",
        _ => to.ToString(),
    };

    public static string ActionLabel(AuditAction action) => action switch
    {
        AuditAction.SyncNow => "Sync now",
        AuditAction.ResolveError => "Resolve error",
        AuditAction.RetryNow => "Retry now",
        AuditAction.Pause => "Paused",
        AuditAction.Resume => "Resumed",
        AuditAction.FaultInjection => "Fault injection",
        AuditAction.AcknowledgeAlert => "Acknowledged",
        AuditAction.AddNote => "Note added",
        AuditAction.DeleteNote => "Note deleted",
        _ => action.ToString(),
    };
}
