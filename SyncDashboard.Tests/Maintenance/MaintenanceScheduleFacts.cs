using SyncDashboard.Data;
using SyncDashboard.Maintenance;
using SyncDashboard.Slo;

namespace SyncDashboard.Tests.Maintenance;

public sealed class MaintenanceScheduleFacts
{
    private static readonly DateTime LongAgo = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static MaintenanceWindow Scheduled(string cron, string zone, int minutes, DateTime? created = null, DateTime? ended = null) => new()
    {
        Id = 1, Service = "todoist", Reason = "upgrade", Cron = cron, TimeZone = zone, DurationMinutes = minutes,
        CreatedBy = "ana", CreatedUtc = created ?? LongAgo, EndedUtc = ended, ExcludeFromSlo = true,
    };

    private static MaintenanceWindow AdHoc(DateTime start, int minutes, DateTime? ended = null) => new()
    {
        Id = 2, Service = "todoist", Reason = "token rotation", StartUtc = start, DurationMinutes = minutes,
        CreatedBy = "ana", CreatedUtc = start, EndedUtc = ended,
    };

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static List<(DateTime, DateTime)> Of(IReadOnlyList<MaintenanceSpan> spans) => spans.Select(s => (s.StartUtc, s.EndUtc)).ToList();

    /// <summary>Europe/Berlin springs forward on 29 March 2026 at 02:00: that day's 02:00 does not exist, and Cronos
    /// starts the occurrence when the clock jumps (03:00 CEST, 01:00 UTC); from then on 02:00 local is 00:00 UTC.</summary>
    [Fact]
    public void Spans_FollowTheWindowsZone_AcrossTheSpringChange()
    {
        var window = Scheduled("0 2 * * SUN", "Europe/Berlin", 120);

        var spans = MaintenanceSchedule.Spans([window], Utc(3, 15, 0), Utc(4, 6, 0));

        Assert.Equal(
        [
            (Utc(3, 15, 1), Utc(3, 15, 3)),
            (Utc(3, 22, 1), Utc(3, 22, 3)),
            (Utc(3, 29, 1), Utc(3, 29, 3)),
            (Utc(4, 5, 0), Utc(4, 5, 2)),
        ], Of(spans));
    }

    /// <summary>Berlin falls back on 25 October 2026: 02:00 local happens twice, and the window starts once, at the
    /// first (00:00 UTC); a week later 02:00 CET is 01:00 UTC again.</summary>
    [Fact]
    public void Spans_StartOnce_WhenTheAutumnChangeRepeatsTheHour()
    {
        var window = Scheduled("0 2 * * SUN", "Europe/Berlin", 60);

        var spans = MaintenanceSchedule.Spans([window], Utc(10, 12, 0), Utc(11, 2, 0));

        Assert.Equal([(Utc(10, 18, 0), Utc(10, 18, 1)), (Utc(10, 25, 0), Utc(10, 25, 1)), (Utc(11, 1, 1), Utc(11, 1, 2))], Of(spans));
    }

    [Fact]
    public void Spans_IncludeAnOccurrenceThatBeganBeforeTheRange_AndLeaveOutOneThatStartsAtItsEnd()
    {
        var window = Scheduled("0 22 * * *", "UTC", 240);

        var spans = MaintenanceSchedule.Spans([window], Utc(6, 2, 1), Utc(6, 2, 22));

        Assert.Equal([(Utc(6, 1, 22), Utc(6, 2, 2))], Of(spans));
    }

    [Fact]
    public void Spans_AreClippedToTheWindowsLife_FromItsCreationToItsEarlyEnd()
    {
        var window = Scheduled("0 * * * *", "UTC", 30, created: Utc(6, 1, 10, 10), ended: Utc(6, 1, 12, 20));

        var spans = MaintenanceSchedule.Spans([window], Utc(6, 1, 0), Utc(6, 2, 0));

        Assert.Equal([(Utc(6, 1, 10, 10), Utc(6, 1, 10, 30)), (Utc(6, 1, 11), Utc(6, 1, 11, 30)), (Utc(6, 1, 12), Utc(6, 1, 12, 20))],
            Of(spans));
    }

    /// <summary>The 09:00, 10:00 and 11:00 occurrences touch the range; the one at 12:00 starts at its end and is left
    /// out, so the span ends with the 11:00 one.</summary>
    [Fact]
    public void Spans_MergeOccurrencesOfOneWindowThatOverlap()
    {
        var window = Scheduled("0 * * * *", "UTC", 90);

        var spans = MaintenanceSchedule.Spans([window], Utc(6, 1, 10), Utc(6, 1, 12));

        Assert.Equal([(Utc(6, 1, 9), Utc(6, 1, 12, 30))], Of(spans));
    }

    [Fact]
    public void Spans_OfAnAdHocWindow_AreItsStartForItsDuration_UntilEndedEarly()
    {
        Assert.Equal([(Utc(6, 1, 8), Utc(6, 1, 10))], Of(MaintenanceSchedule.Spans([AdHoc(Utc(6, 1, 8), 120)], Utc(6, 1, 0), Utc(6, 2, 0))));
        Assert.Equal([(Utc(6, 1, 8), Utc(6, 1, 8, 45))],
            Of(MaintenanceSchedule.Spans([AdHoc(Utc(6, 1, 8), 120, ended: Utc(6, 1, 8, 45))], Utc(6, 1, 0), Utc(6, 2, 0))));
        Assert.Empty(MaintenanceSchedule.Spans([AdHoc(Utc(6, 1, 8), 120)], Utc(6, 1, 10), Utc(6, 2, 0)));
    }

    [Fact]
    public void Current_IsTheSpanInProgress_ElseTheNextOne_ElseNull()
    {
        var window = Scheduled("0 2 * * SUN", "Europe/Berlin", 120);

        Assert.Equal((Utc(3, 29, 1), Utc(3, 29, 3)), Pair(MaintenanceSchedule.Current(window, Utc(3, 29, 2))));
        Assert.Equal((Utc(4, 5, 0), Utc(4, 5, 2)), Pair(MaintenanceSchedule.Current(window, Utc(3, 29, 3))));
        Assert.Null(MaintenanceSchedule.Current(AdHoc(Utc(6, 1, 8), 120), Utc(6, 1, 10)));
        Assert.Null(MaintenanceSchedule.Current(Scheduled("0 2 * * SUN", "UTC", 60, ended: Utc(6, 1, 0)), Utc(6, 2, 0)));

        static (DateTime, DateTime) Pair(MaintenanceSpan? span) => (span!.StartUtc, span.EndUtc);
    }

    [Fact]
    public void Excluded_IsTheSpansOfTheWindowsThatSaySo()
    {
        var spans = MaintenanceSchedule.Spans([Scheduled("0 2 * * *", "UTC", 60), AdHoc(Utc(6, 1, 8), 120)], Utc(6, 1, 0), Utc(6, 2, 0));

        Assert.Equal(2, spans.Count);
        Assert.Equal([new TimeRange(Utc(6, 1, 2), Utc(6, 1, 3))], MaintenanceSchedule.Excluded(spans));
    }
}
