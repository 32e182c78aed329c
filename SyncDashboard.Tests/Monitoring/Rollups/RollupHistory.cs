using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Tests.Monitoring.Rollups;

/// <summary>Writes sync events and their hourly rows the way a run does (<see cref="MetricArithmetic.Add"/> on the hour
/// the event started, stamped with its completion), so rollups can be checked against the raw events.</summary>
public static class RollupHistory
{
    public const string Main = "todoist";
    public const string Other = "other";

    /// <summary>A reproducible mix of successes, failures and runs still open, over <paramref name="days"/> days.</summary>
    public static List<SyncEvent> Generate(DateTime fromUtc, int days, int count, int seed = 7)
    {
        var random = new Random(seed);
        var events = new List<SyncEvent>();
        for (var i = 0; i < count; i++)
        {
            var started = fromUtc.AddSeconds(random.Next(days * 24 * 3600));
            var roll = random.NextDouble();
            var status = roll < 0.03 ? SyncStatus.Started : roll < 0.2 ? SyncStatus.Failed : SyncStatus.Succeeded;
            // Log-spread durations from a few ms to about a minute, so most histogram buckets are used.
            var duration = (long)Math.Exp(random.NextDouble() * 11);
            events.Add(new SyncEvent
            {
                Service = i % 5 == 0 ? Other : Main,
                Type = SyncType.Incremental,
                Trigger = SyncTrigger.Schedule,
                Status = status,
                StartedUtc = started,
                CompletedUtc = status == SyncStatus.Started ? null : started.AddMilliseconds(duration),
                DurationMs = status == SyncStatus.Started ? null : duration,
                ItemsProcessed = status == SyncStatus.Succeeded ? random.Next(0, 200) : 0,
            });
        }
        return events;
    }

    public static async Task RecordAsync(MonitoringDbContext db, IEnumerable<SyncEvent> events, DateTime? updatedUtc = null)
    {
        foreach (var run in events)
        {
            db.SyncEvents.Add(run);
            if (run.Status == SyncStatus.Started) continue;
            var hour = MetricArithmetic.HourOf(run.StartedUtc);
            var metric = db.SyncMetrics.Local.FirstOrDefault(m =>
                             m.Service == run.Service && m.Period == MetricPeriod.Hourly && m.PeriodStartUtc == hour)
                         ?? await db.SyncMetrics.SingleOrDefaultAsync(m =>
                             m.Service == run.Service && m.Period == MetricPeriod.Hourly && m.PeriodStartUtc == hour,
                             TestContext.Current.CancellationToken);
            if (metric is null)
            {
                metric = new SyncMetric { Service = run.Service, Period = MetricPeriod.Hourly, PeriodStartUtc = hour };
                db.SyncMetrics.Add(metric);
            }
            MetricArithmetic.Add(metric, run.Status, run.DurationMs, run.ItemsProcessed, updatedUtc ?? run.CompletedUtc!.Value);
        }
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
