using Cronos;

namespace SyncDashboard.Health;

public static class SyncInterval
{
    /// <summary>The gap between the next two occurrences of <paramref name="cron"/> after
    /// <paramref name="nowUtc"/>: the expected interval for a regular cron (<c>*/5 * * * *</c>). A cron with
    /// uneven gaps (office hours only) gets the gap ahead of now; null for an invalid or exhausted cron.</summary>
    public static TimeSpan? Of(string cron, DateTime nowUtc)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (!CronExpression.TryParse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard, out var parsed))
        {
            return null;
        }
        var utc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        var next = parsed.GetNextOccurrence(utc, TimeZoneInfo.Utc);
        var after = next is { } first ? parsed.GetNextOccurrence(first, TimeZoneInfo.Utc) : null;
        return after - next;
    }
}
