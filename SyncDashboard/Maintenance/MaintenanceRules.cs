using Cronos;
using SyncDashboard.Data;

namespace SyncDashboard.Maintenance;

/// <summary>What a maintenance window must be. Pure, so the API and the Maintenance page refuse the same windows with
/// the same words.</summary>
public static class MaintenanceRules
{
    /// <summary>A week: longer than any planned work, short enough that a forgotten window does not hide a month.</summary>
    public const int MaxDurationMinutes = 7 * 24 * 60;

    /// <summary>An ad hoc start this far before now still counts as "now" (the form was filled in a minute ago).</summary>
    public static readonly TimeSpan StartTolerance = TimeSpan.FromMinutes(5);

    /// <summary>How far ahead an ad hoc window may start: planned work is rarely further out, and a start near the end
    /// of the calendar would have no end.</summary>
    public static readonly TimeSpan MaxLeadTime = TimeSpan.FromDays(366);

    public static MaintenanceProblem? Check(MaintenanceDraft draft, DateTime nowUtc)
    {
        if (StoredText.Problem(draft.Reason, MaintenanceWindow.MaxReasonLength) is { } reason) return new("reason", reason);
        if (draft.DurationMinutes < 1 || draft.DurationMinutes > MaxDurationMinutes)
        {
            return new("durationMinutes", $"must be a whole number of minutes from 1 to {MaxDurationMinutes} (a week)");
        }
        if (draft.IsScheduled)
        {
            if (draft.StartUtc is not null) return new("start", "is for an ad hoc window; a scheduled one starts at its cron's times");
            if (CronProblem(draft.Cron) is { } cron) return new("cron", cron);
            if (ZoneProblem(draft.TimeZone) is { } zone) return new("timeZone", zone);
            return null;
        }
        if (draft.StartUtc is { } start && start < nowUtc - StartTolerance)
        {
            return new("start", "must not be in the past: a window cannot hide what already happened");
        }
        if (draft.StartUtc is { } later && later > nowUtc + MaxLeadTime) return new("start", "must be within a year from now");
        return null;
    }

    /// <summary>The zone by its IANA id; null for an unknown one (<see cref="Check"/> refuses those).</summary>
    public static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaintenanceWindow.MaxTimeZoneLength) return null;
        try
        {
            // Windows names ("W. Europe Standard Time") are found too on some systems; the stored id stays IANA so
            // every node, whatever its OS, reads it the same.
            return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId ? zone : null;
        }
        // An id the system's zone database cannot even look up (characters a file name cannot hold) is unknown too.
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>Five fields (minute hour day month weekday); null for one that <see cref="Check"/> refuses.</summary>
    public static CronExpression? Parse(string? cron) => CronProblem(cron) is null ? CronExpression.Parse(cron!.Trim()) : null;

    private static string? CronProblem(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron)) return "is required for a scheduled window (five fields: minute hour day month weekday, e.g. \"0 2 * * SUN\")";
        if (cron.Length > MaintenanceWindow.MaxCronLength) return $"must be at most {MaintenanceWindow.MaxCronLength} characters";
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields != 5) return $"must have five fields (minute hour day month weekday), not {fields}";
        try
        {
            CronExpression.Parse(cron.Trim());
            return null;
        }
        catch (Exception ex) when (ex is CronFormatException or ArgumentException)
        {
            return $"is not a cron expression: {ex.Message}";
        }
    }

    private static string? ZoneProblem(string? zone) =>
        string.IsNullOrWhiteSpace(zone) ? "is required for a scheduled window (an IANA zone such as \"Europe/Berlin\" or \"UTC\")"
        : Zone(zone) is null ? "is not a known IANA time zone (such as \"Europe/Berlin\" or \"UTC\")"
        : null;
}
