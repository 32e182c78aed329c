using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Tests.Monitoring.Rollups;

/// <summary>Writes sync events and their hourly rows (and rows by sync type) the way a run does
/// (<see cref="MetricArithmetic.Add"/> on the hour the event started, stamped with its completion), so rollups can be
/// checked against the raw events.</summary>
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

    /// <summary>Weeks of runs shaped like a real account's, for the percentiles: a run every one to three minutes (of
    /// <see cref="Main"/>, and a tenth as many of <see cref="Other"/>, much slower, that must not leak in), durations
    /// log-normal around 450 ms for incremental syncs, 250 ms for webhook runs and 12 s for the daily full sync; a
    /// heavy tail (1.5 % of runs 5 to 40 times slower), a slower afternoon each day, three slow days in a row, a few
    /// runs under a millisecond (0 ms), 2 % failures. Reproducible for a seed.</summary>
    public static List<SyncEvent> Realistic(DateTime fromUtc, DateTime toUtc, int seed)
    {
        var random = new Random(seed);
        var events = new List<SyncEvent>();
        var slowFrom = fromUtc.AddDays(9);
        DateTime? lastFullDay = null;
        for (var at = fromUtc.AddSeconds(random.Next(60)); at < toUtc; at = at.AddSeconds(60 + random.Next(120)))
        {
            var day = at.Date;
            var (type, median, sigma) = lastFullDay != day && at.Hour >= 3
                ? (SyncType.Full, 12_000.0, 0.35)
                : random.Next(100) < 4 ? (SyncType.Webhook, 250.0, 0.4) : (SyncType.Incremental, 450.0, 0.5);
            if (type == SyncType.Full) lastFullDay = day;
            var ms = median * Math.Exp(sigma * Normal(random)) * (1 + 0.3 * Math.Sin(Math.PI * at.Hour / 24));
            if (random.Next(1000) < 15) ms *= 5 + random.Next(36);
            if (at >= slowFrom && at < slowFrom.AddDays(3)) ms *= 2.5;
            if (random.Next(1000) < 3) ms = 0.4;
            events.Add(Run(Main, at, type, random.Next(100) < 2 ? SyncStatus.Failed : SyncStatus.Succeeded, (long)ms, random));
            if (random.Next(10) == 0)
            {
                events.Add(Run(Other, at.AddSeconds(7), SyncType.Incremental, SyncStatus.Succeeded,
                    (long)(5_000 * Math.Exp(Normal(random))), random));
            }
        }
        return events;

        static SyncEvent Run(string service, DateTime started, SyncType type, SyncStatus status, long ms, Random random) => new()
        {
            Service = service,
            Type = type,
            Trigger = type == SyncType.Webhook ? SyncTrigger.Webhook : SyncTrigger.Schedule,
            Status = status,
            StartedUtc = started,
            CompletedUtc = started.AddMilliseconds(status == SyncStatus.Failed ? 30_000 : ms),
            DurationMs = status == SyncStatus.Failed ? 30_000 : ms,
            ItemsProcessed = status == SyncStatus.Succeeded ? random.Next(0, 20) : 0,
        };
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static async Task RecordAsync(MonitoringDbContext db, IEnumerable<SyncEvent> events, DateTime? updatedUtc = null)
    {
        // The rows met so far by key: DbSet.Local detects changes on every call, which over weeks of runs (tens of
        // thousands tracked) made recording quadratic.
        var rows = new Dictionary<(string Service, DateTime Hour), SyncMetric>();
        var types = new Dictionary<(string Service, SyncType Type, DateTime Hour), SyncTypeMetric>();
        foreach (var run in events)
        {
            db.SyncEvents.Add(run);
            if (run.Status == SyncStatus.Started) continue;
            var hour = MetricArithmetic.HourOf(run.StartedUtc);
            if (!rows.TryGetValue((run.Service, hour), out var metric))
            {
                metric = await db.SyncMetrics.SingleOrDefaultAsync(m =>
                             m.Service == run.Service && m.Period == MetricPeriod.Hourly && m.PeriodStartUtc == hour,
                             TestContext.Current.CancellationToken)
                         ?? db.SyncMetrics.Add(new SyncMetric { Service = run.Service, Period = MetricPeriod.Hourly, PeriodStartUtc = hour }).Entity;
                rows[(run.Service, hour)] = metric;
            }
            MetricArithmetic.Add(metric, run.Status, run.DurationMs, run.ItemsProcessed, updatedUtc ?? run.CompletedUtc!.Value);
            if (run.Status != SyncStatus.Succeeded || run.DurationMs is not { } duration) continue;
            if (!types.TryGetValue((run.Service, run.Type, hour), out var typeRow))
            {
                typeRow = await db.SyncTypeMetrics.SingleOrDefaultAsync(m =>
                              m.Service == run.Service && m.Type == run.Type && m.HourStartUtc == hour,
                              TestContext.Current.CancellationToken)
                          ?? db.SyncTypeMetrics.Add(new SyncTypeMetric { Service = run.Service, Type = run.Type, HourStartUtc = hour }).Entity;
                types[(run.Service, run.Type, hour)] = typeRow;
            }
            typeRow.Add(duration, run.ItemsProcessed, updatedUtc ?? run.CompletedUtc!.Value);
        }
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
