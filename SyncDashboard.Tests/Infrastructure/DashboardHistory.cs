using Microsoft.EntityFrameworkCore;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Tests.Monitoring.Rollups;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>A recognisable history for the timeline and performance pages, ending at a given time: a run every
/// 15 minutes (~250 ms, a daily full sync of ~2.5 s), one slow stretch (<see cref="SlowFrom"/>, three hours at 8×
/// the usual duration), one failure chain of five failed attempts (<see cref="ChainFrom"/>), resolved by the next
/// success, and the manual actions around it in the audit log. Events and hourly rows are written as a run writes
/// them (<see cref="RollupHistory.RecordAsync"/>).</summary>
public static class DashboardHistory
{
    public static readonly TimeSpan SlowFrom = TimeSpan.FromHours(30);
    public static readonly TimeSpan ChainFrom = TimeSpan.FromHours(10);
    public const int ChainFailures = 5;

    public static async Task SeedAsync(IDbContextFactory<MonitoringDbContext> factory, DateTime nowUtc, int days = 7, int seed = 11)
    {
        var random = new Random(seed);
        var start = MetricArithmetic.HourOf(nowUtc).AddDays(-days).AddHours(1);
        var slowStart = MetricArithmetic.HourOf(nowUtc - SlowFrom);
        var chainStart = MetricArithmetic.HourOf(nowUtc - ChainFrom);
        var events = new List<SyncEvent>();
        DateTime? chainOpened = null, chainResolved = null;
        var failuresLeft = 0;
        for (var at = start; at < nowUtc.AddMinutes(-1); at = at.AddMinutes(15))
        {
            var full = at.Hour == 3 && at.Minute == 0;
            var slow = at >= slowStart && at < slowStart.AddHours(3);
            if (at == chainStart) (failuresLeft, chainOpened) = (ChainFailures, at);
            var failed = failuresLeft > 0;
            if (failed) failuresLeft--;
            else if (chainOpened is not null && chainResolved is null) chainResolved = at;
            var duration = (long)((full ? 2500 : 250) * Math.Exp(random.NextDouble() * 0.6 - 0.3) * (slow ? 8 : 1));
            events.Add(new SyncEvent
            {
                Service = ServiceName.Todoist,
                Type = full ? SyncType.Full : SyncType.Incremental,
                Trigger = SyncTrigger.Schedule,
                Status = failed ? SyncStatus.Failed : SyncStatus.Succeeded,
                StartedUtc = at,
                CompletedUtc = at.AddMilliseconds(duration),
                DurationMs = duration,
                ItemsProcessed = failed ? 0 : (full ? 600 : random.Next(0, 12)),
                ErrorMessage = failed ? "Service Unavailable" : null,
                HttpStatus = failed ? 503 : null,
            });
        }

        await using var db = await factory.CreateDbContextAsync();
        await RollupHistory.RecordAsync(db, events);
        if (chainOpened is { } opened)
        {
            db.SyncErrors.Add(new SyncError
            {
                Service = ServiceName.Todoist, Kind = FailureKind.Transient, ErrorCode = "HTTP_503", Message = "Service Unavailable",
                HttpStatus = 503, RetryCount = ChainFailures - 1, CreatedUtc = opened,
                LastOccurredUtc = opened.AddMinutes(15 * (ChainFailures - 1)),
                ResolvedUtc = chainResolved, Resolution = chainResolved is null ? null : ErrorResolution.Recovered,
            });
            db.AuditEntries.AddRange(
                Audit(AuditAction.FaultInjection, opened.AddMinutes(-2), "error rate 100% (503)"),
                Audit(AuditAction.SyncNow, opened.AddMinutes(20), "incremental sync, job 7"),
                Audit(AuditAction.FaultInjection, opened.AddMinutes(70), "error rate 0%"));
        }
        await db.SaveChangesAsync();
    }

    private static AuditEntry Audit(AuditAction action, DateTime at, string details) => new()
    {
        Service = ServiceName.Todoist, Action = action, Actor = "ops@example.test", OccurredUtc = at, Details = details,
    };
}
