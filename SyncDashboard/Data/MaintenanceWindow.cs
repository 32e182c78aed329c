namespace SyncDashboard.Data;

/// <summary>A time when problems are expected: notifications are held, syncing may pause, and the time may be left out
/// of uptime and the SLO budgets. Scheduled (<see cref="Cron"/> in <see cref="TimeZone"/>, each occurrence lasting
/// <see cref="DurationMinutes"/>) or ad hoc (<see cref="StartUtc"/> for <see cref="DurationMinutes"/>). Nothing before
/// <see cref="CreatedUtc"/> is covered, so a window cannot hide what already happened.</summary>
public sealed class MaintenanceWindow
{
    public const int MaxReasonLength = 500;
    public const int MaxCronLength = 100;
    public const int MaxTimeZoneLength = 64;

    public long Id { get; set; }
    public required string Service { get; set; }
    public required string Reason { get; set; }
    /// <summary>Five-field cron (minute hour day month weekday) of each occurrence's start; null for an ad hoc window.</summary>
    public string? Cron { get; set; }
    /// <summary>The IANA zone <see cref="Cron"/> is read in ("Europe/Berlin"), so "0 2 * * SUN" stays 02:00 local
    /// across daylight saving changes; null for an ad hoc window.</summary>
    public string? TimeZone { get; set; }
    /// <summary>An ad hoc window's start; null for a scheduled one.</summary>
    public DateTime? StartUtc { get; set; }
    public int DurationMinutes { get; set; }
    public bool PauseSyncing { get; set; }
    /// <summary>Its time counts neither way in uptime and in the SLO budgets.</summary>
    public bool ExcludeFromSlo { get; set; }
    /// <summary>Ended early by an operator: nothing from here on is covered (a scheduled window stops recurring).</summary>
    public DateTime? EndedUtc { get; set; }
    public string? EndedBy { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
}
