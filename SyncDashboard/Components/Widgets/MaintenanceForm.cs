using System.Globalization;
using SyncDashboard.Maintenance;

namespace SyncDashboard.Components.Widgets;

/// <summary>What the Maintenance page's form holds, and the draft it makes: an ad hoc window from a start in the
/// browser's zone (empty: now), or a scheduled one from a cron and an IANA zone; checked by
/// <see cref="MaintenanceRules"/>, so the page refuses what the API refuses, in the same words.</summary>
public sealed class MaintenanceForm
{
    /// <summary>What a <c>datetime-local</c> input holds (browsers send the seconds only when they are not zero).</summary>
    private static readonly string[] InputFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFF"];

    public string? Reason { get; set; }
    public bool Scheduled { get; set; }
    /// <summary>Empty: now.</summary>
    public string? Start { get; set; }
    public int DurationMinutes { get; set; } = 120;
    public string? Cron { get; set; }
    public string? TimeZone { get; set; }
    public bool PauseSyncing { get; set; }
    public bool ExcludeFromSlo { get; set; } = true;

    public MaintenanceDraft? Parse(DisplayZone zone, DateTime nowUtc, out MaintenanceProblem? problem)
    {
        problem = null;
        DateTime? start = null;
        if (!Scheduled && !string.IsNullOrWhiteSpace(Start))
        {
            if (!DateTime.TryParseExact(Start.Trim(), InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                || zone.ToUtc(local) is not { } utc)
            {
                problem = new("start", "is not a time that exists in your time zone");
                return null;
            }
            start = utc;
        }
        var draft = Scheduled
            ? new MaintenanceDraft(Reason, Cron ?? "", TimeZone ?? "", null, DurationMinutes, PauseSyncing, ExcludeFromSlo)
            : new MaintenanceDraft(Reason, null, null, start, DurationMinutes, PauseSyncing, ExcludeFromSlo);
        problem = MaintenanceRules.Check(draft, nowUtc);
        return problem is null ? draft : null;
    }

    /// <summary>The sentence a problem makes under its field: "The reason is required."</summary>
    public static string Message(MaintenanceProblem problem) => $"The {Words(problem.Field)} {problem.Problem}.";

    private static string Words(string field) => field switch
    {
        "durationMinutes" => "duration",
        "timeZone" => "time zone",
        _ => field,
    };
}
