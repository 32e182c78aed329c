using SyncDashboard.Maintenance;

namespace SyncDashboard.Tests.Maintenance;

public sealed class MaintenanceRulesFacts
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static MaintenanceDraft AdHoc(string? reason = "upgrade", int minutes = 120, DateTime? start = null) =>
        new(reason, null, null, start, minutes, false, false);

    private static MaintenanceDraft Scheduled(string? cron, string? zone, int minutes = 120) =>
        new("upgrade", cron, zone, null, minutes, false, true);

    public static TheoryData<string, MaintenanceDraft, string?> Table => new()
    {
        { "ad hoc, now", AdHoc(), null },
        { "ad hoc, later", AdHoc(start: Now.AddDays(3)), null },
        { "ad hoc, a minute ago is now", AdHoc(start: Now.AddMinutes(-1)), null },
        { "ad hoc, in the past", AdHoc(start: Now.AddHours(-1)), "start" },
        { "ad hoc, in a year", AdHoc(start: Now.AddDays(365)), null },
        { "ad hoc, at the end of the calendar", AdHoc(start: DateTime.MaxValue.AddDays(-1)), "start" },
        { "no reason", AdHoc(reason: null), "reason" },
        { "blank reason", AdHoc(reason: "  "), "reason" },
        { "reason too long", AdHoc(reason: new string('x', 501)), "reason" },
        { "zero minutes", AdHoc(minutes: 0), "durationMinutes" },
        { "negative minutes", AdHoc(minutes: -5), "durationMinutes" },
        { "a week", AdHoc(minutes: 7 * 24 * 60), null },
        { "more than a week", AdHoc(minutes: 7 * 24 * 60 + 1), "durationMinutes" },
        { "scheduled", Scheduled("0 2 * * SUN", "Europe/Berlin"), null },
        { "scheduled in UTC", Scheduled("30 1 1 * *", "UTC"), null },
        { "no cron", Scheduled(null, "Europe/Berlin"), "cron" },
        { "bad cron", Scheduled("0 25 * * *", "Europe/Berlin"), "cron" },
        { "six fields", Scheduled("0 0 2 * * SUN", "Europe/Berlin"), "cron" },
        { "a macro", Scheduled("@daily", "Europe/Berlin"), "cron" },
        { "no zone", Scheduled("0 2 * * SUN", null), "timeZone" },
        { "unknown zone", Scheduled("0 2 * * SUN", "Mars/Olympus_Mons"), "timeZone" },
        { "zone with a path", Scheduled("0 2 * * SUN", "../../etc/passwd"), "timeZone" },
        { "a start on a schedule", new MaintenanceDraft("upgrade", "0 2 * * SUN", "UTC", Now, 60, false, false), "start" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Check_NamesTheFieldAtFault(string situation, MaintenanceDraft draft, string? field)
    {
        var problem = MaintenanceRules.Check(draft, Now);

        Assert.True(field == problem?.Field, $"{situation}: expected {field ?? "no problem"}, got {problem}");
    }
}
