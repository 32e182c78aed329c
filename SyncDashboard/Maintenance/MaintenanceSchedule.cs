using SyncDashboard.Data;
using SyncDashboard.Slo;

namespace SyncDashboard.Maintenance;

/// <summary>Which occurrences of which windows touch a span of time. Pure: the windows and the span in, the occurrences
/// out. A scheduled window's starts come from Cronos in the window's own zone, so "0 2 * * SUN" in Europe/Berlin is
/// 02:00 local on both sides of a daylight saving change (01:00 UTC in winter, 00:00 UTC in summer).</summary>
public static class MaintenanceSchedule
{
    /// <summary>The occurrences that overlap [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), each clipped to its
    /// window's life (not before it was created, not after it was ended), ordered by start. Occurrences of one window
    /// that overlap or touch (an hourly cron with a two-hour duration) are one span.</summary>
    public static IReadOnlyList<MaintenanceSpan> Spans(IEnumerable<MaintenanceWindow> windows, DateTime fromUtc, DateTime toUtc)
    {
        var spans = new List<MaintenanceSpan>();
        if (toUtc <= fromUtc) return spans;
        foreach (var window in windows)
        {
            foreach (var (start, end) in Merged(Occurrences(window, fromUtc, toUtc)))
            {
                var clippedStart = Max(start, window.CreatedUtc);
                var clippedEnd = window.EndedUtc is { } ended ? Min(end, ended) : end;
                if (clippedStart < clippedEnd && clippedStart < toUtc && clippedEnd > fromUtc)
                {
                    spans.Add(new MaintenanceSpan(window.Id, clippedStart, clippedEnd, window.Reason, window.PauseSyncing,
                        window.ExcludeFromSlo));
                }
            }
        }
        return spans.OrderBy(s => s.StartUtc).ThenBy(s => s.WindowId).ToList();
    }

    /// <summary>The span of <paramref name="window"/> in progress at <paramref name="nowUtc"/>, or else its next one;
    /// null when there is none (an ad hoc window that is over, an ended schedule).</summary>
    public static MaintenanceSpan? Current(MaintenanceWindow window, DateTime nowUtc)
    {
        var now = Spans([window], nowUtc, nowUtc.AddTicks(1));
        if (now.Count > 0) return now[0];
        DateTime? next = window.Cron is null
            ? window.StartUtc
            : MaintenanceRules.Parse(window.Cron) is { } cron && MaintenanceRules.Zone(window.TimeZone) is { } zone
                ? cron.GetNextOccurrence(Utc(Max(nowUtc, window.CreatedUtc)), zone, inclusive: true)
                : null;
        if (next is not { } start || start < nowUtc) return null;
        var upcoming = Spans([window], start, start.AddTicks(1));
        return upcoming.Count > 0 ? upcoming[0] : null;
    }

    /// <summary>The time the SLO budgets and uptime leave out: the spans of the windows that say so.</summary>
    public static IReadOnlyList<TimeRange> Excluded(IEnumerable<MaintenanceSpan> spans) =>
        spans.Where(s => s.ExcludeFromSlo).Select(s => new TimeRange(s.StartUtc, s.EndUtc)).ToList();

    private static IEnumerable<(DateTime Start, DateTime End)> Occurrences(MaintenanceWindow window, DateTime fromUtc, DateTime toUtc)
    {
        var duration = TimeSpan.FromMinutes(window.DurationMinutes);
        if (window.Cron is null)
        {
            if (window.StartUtc is { } start) yield return (start, start + duration);
            yield break;
        }
        var cron = MaintenanceRules.Parse(window.Cron);
        var zone = MaintenanceRules.Zone(window.TimeZone);
        // A stored window was checked when it was saved; one that no longer parses (a zone dropped from the system's
        // database) covers nothing rather than failing every page that asks.
        if (cron is null || zone is null) yield break;
        // An occurrence that started up to one duration before the span can still reach into it.
        var searchFrom = Max(fromUtc - duration, window.CreatedUtc - duration);
        var searchTo = window.EndedUtc is { } ended && ended < toUtc ? ended : toUtc;
        if (searchTo <= searchFrom) yield break;
        foreach (var occurrence in cron.GetOccurrences(Utc(searchFrom), Utc(searchTo), zone, fromInclusive: true, toInclusive: false))
        {
            yield return (occurrence, occurrence + duration);
        }
    }

    private static IEnumerable<(DateTime Start, DateTime End)> Merged(IEnumerable<(DateTime Start, DateTime End)> occurrences)
    {
        (DateTime Start, DateTime End)? open = null;
        foreach (var occurrence in occurrences)
        {
            if (open is { } current && occurrence.Start <= current.End)
            {
                open = (current.Start, Max(current.End, occurrence.End));
                continue;
            }
            if (open is { } done) yield return done;
            open = occurrence;
        }
        if (open is { } last) yield return last;
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
