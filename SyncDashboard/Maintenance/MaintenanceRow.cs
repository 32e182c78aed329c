using SyncDashboard.Data;

namespace SyncDashboard.Maintenance;

/// <summary>A maintenance window as the API and the Maintenance page show it. <paramref name="Start"/> is an ad hoc
/// window's; <paramref name="CurrentStart"/>/<paramref name="CurrentEnd"/> the occurrence in progress or next (null when
/// <see cref="MaintenanceState.Past"/>); <paramref name="Suppressed"/> the newest of the
/// <paramref name="SuppressedCount"/> notifications it held back.</summary>
public sealed record MaintenanceRow(
    long Id,
    string Reason,
    string? Cron,
    string? TimeZone,
    DateTime? Start,
    int DurationMinutes,
    bool PauseSyncing,
    bool ExcludeFromSlo,
    MaintenanceState State,
    DateTime? CurrentStart,
    DateTime? CurrentEnd,
    string CreatedBy,
    DateTime CreatedAt,
    DateTime? EndedAt,
    string? EndedBy,
    int SuppressedCount,
    IReadOnlyList<SuppressedRow> Suppressed)
{
    public bool IsScheduled => Cron is not null;

    internal static MaintenanceRow Of(
        MaintenanceWindow w, DateTime nowUtc, int suppressedCount, IReadOnlyList<SuppressedRow> suppressed)
    {
        var current = MaintenanceSchedule.Current(w, nowUtc);
        var state = current is null ? MaintenanceState.Past
            : current.Contains(nowUtc) ? MaintenanceState.Active
            : MaintenanceState.Upcoming;
        return new MaintenanceRow(w.Id, w.Reason, w.Cron, w.TimeZone, w.StartUtc, w.DurationMinutes, w.PauseSyncing,
            w.ExcludeFromSlo, state, current?.StartUtc, current?.EndUtc, w.CreatedBy, w.CreatedUtc, w.EndedUtc, w.EndedBy,
            suppressedCount, suppressed);
    }
}
