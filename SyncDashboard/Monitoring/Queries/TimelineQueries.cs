using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>One hour of the timeline; an hour in which nothing ran has zeros and null durations.</summary>
public sealed record TimelinePoint(DateTime Hour, int Successes, int Failures, double? MeanDurationMs, long? MaxDurationMs);

/// <summary>A manually triggered run, for a marker on the timeline.</summary>
public sealed record TimelineMarker(long EventId, DateTime StartedAt, SyncType Type, SyncStatus Status);

/// <summary>Every hour from <paramref name="From"/> (inclusive) to <paramref name="To"/> (exclusive), oldest first.</summary>
public sealed record SyncTimeline(
    DateTime From, DateTime To, IReadOnlyList<TimelinePoint> Hours, IReadOnlyList<TimelineMarker> ManualTriggers);

public sealed class TimelineQueries(IDbContextFactory<MonitoringDbContext> dbFactory, TimeProvider time)
{
    public const int MaxHours = 720;

    /// <summary>The last <paramref name="hours"/> hours up to and including the current one, from the hourly
    /// rollups, with no hour missing.</summary>
    public async Task<SyncTimeline> GetAsync(string service, int hours, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hours, MaxHours);
        var to = MetricRollup.HourOf(time.GetUtcNow().UtcDateTime).AddHours(1);
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
}
