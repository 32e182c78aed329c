using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>Reads the counted attempts from the hourly rollups' logs (<see cref="SyncMetric.AttemptEnds"/>), the one
/// source of the objectives and the uptime. The log is complete: the run recorder writes each attempt's end into it in
/// the transaction that finishes the run, rollups are never purged, and the logs of rows older than the column are
/// filled at start-up from the runs still stored (<see cref="AttemptEndsUpgrade"/>). Reading it is an index range of
/// one row an hour, about 480 bytes at one run every 30 s, instead of a row per run with its times to parse: three
/// days are 72 rows rather than 8,600 events.</summary>
public static class AttemptLog
{
    /// <summary>Hours read at a time when looking back for the last attempt before a moment.</summary>
    private const int HoursPerLookBack = 24;

    /// <summary>Every attempt that ended in the hour of <paramref name="fromUtc"/> or later, in end order, decoded as
    /// the caller reads them.</summary>
    public static async Task<IEnumerable<AttemptEnd>> SinceAsync(
        MonitoringDbContext db, string service, DateTime fromUtc, CancellationToken ct)
    {
        var fromHour = MetricArithmetic.HourOf(fromUtc);
        var hours = await Hours(db, service)
            .Where(m => m.PeriodStartUtc >= fromHour)
            .OrderBy(m => m.PeriodStartUtc)
            .Select(m => new { m.PeriodStartUtc, m.AttemptEnds })
            .ToListAsync(ct);
        return hours.SelectMany(h => AttemptEnds.Enumerate(Utc(h.PeriodStartUtc), h.AttemptEnds));
    }

    /// <summary>The last attempt that ended before the hour of <paramref name="beforeUtc"/> and matches
    /// <paramref name="match"/>, a day of hours at a time (usually the first day holds one); null when none did.</summary>
    public static async Task<AttemptEnd?> LastBeforeHourAsync(
        MonitoringDbContext db, string service, DateTime beforeUtc, Func<AttemptEnd, bool> match, CancellationToken ct)
    {
        var until = MetricArithmetic.HourOf(beforeUtc);
        while (true)
        {
            var hours = await Hours(db, service)
                .Where(m => m.PeriodStartUtc < until)
                .OrderByDescending(m => m.PeriodStartUtc).Take(HoursPerLookBack)
                .Select(m => new { m.PeriodStartUtc, m.AttemptEnds })
                .ToListAsync(ct);
            foreach (var hour in hours)
            {
                var attempts = AttemptEnds.Decode(Utc(hour.PeriodStartUtc), hour.AttemptEnds);
                for (var i = attempts.Count - 1; i >= 0; i--)
                {
                    if (match(attempts[i])) return attempts[i];
                }
            }
            if (hours.Count < HoursPerLookBack) return null;
            until = Utc(hours[^1].PeriodStartUtc);
        }
    }

    /// <summary>When the first logged attempt ever ended; null before any.</summary>
    public static async Task<DateTime?> FirstEndAsync(MonitoringDbContext db, string service, CancellationToken ct)
    {
        var hour = await Hours(db, service)
            .Where(m => m.AttemptEnds != NoAttempts)
            .OrderBy(m => m.PeriodStartUtc)
            .Select(m => new { m.PeriodStartUtc, m.AttemptEnds })
            .FirstOrDefaultAsync(ct);
        return hour is null ? null : AttemptEnds.Decode(Utc(hour.PeriodStartUtc), hour.AttemptEnds)[0].EndUtc;
    }

    /// <summary>The log of an hour in which no attempt ended (compared in SQL as a value).</summary>
    private static readonly byte[] NoAttempts = [];

    private static IQueryable<SyncMetric> Hours(MonitoringDbContext db, string service) =>
        db.SyncMetrics.AsNoTracking()
            .Where(m => m.Service == service && m.Period == MetricPeriod.Hourly && m.AttemptEnds != null);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
