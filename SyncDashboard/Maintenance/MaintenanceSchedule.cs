using SyncDashboard.Data;
using SyncDashboard.Slo;

namespace SyncDashboard.Maintenance;

/// <summary>Which occurrences of which windows touch a span of time. Pure: the windows and the span in, the occurrences
/// out. A scheduled window's starts come from Cronos in the window's own zone, so "0 2 * * SUN" in Europe/Berlin is
/// 02:00 local on both sides of a daylight saving change (01:00 UTC in winter, 00:00 UTC in summer).</summary>
public static class MaintenanceSchedule
{
    /// <summary>The occurrences that overlap [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), each clipped to its
    /// window's life (not before it was created, not after it was ended), ordered by start.</summary>
    public static IReadOnlyList<MaintenanceSpan> Spans(IEnumerable<MaintenanceWindow> windows, DateTime fromUtc, DateTime toUtc)
    {
        var spans = new List<MaintenanceSpan>();
        if (toUtc <= fromUtc) return spans;
        foreach (var window in windows)
        {
            foreach (var (start, end) in Occurrences(window, fromUtc, toUtc))
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

    /// <summary>The first occurrence of <paramref name="window"/> that has not ended by <paramref name="nowUtc"/>: the
    /// one in progress or the next one; null when there is none (an ad hoc window that is over, an ended schedule).</summary>
    public static MaintenanceSpan? Current(MaintenanceWindow window, DateTime nowUtc)
    {
        // A week is the longest occurrence, and a cron fires at least once a year: look that far ahead.
        var spans = Spans([window], nowUtc, nowUtc.AddYears(1).AddDays(8));
        return spans.Count > 0 ? spans[0] : null;
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

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
