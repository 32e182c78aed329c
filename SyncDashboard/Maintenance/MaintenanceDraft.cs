namespace SyncDashboard.Maintenance;

/// <summary>A window as asked for: <paramref name="Cron"/> and <paramref name="TimeZone"/> for a scheduled one, or
/// neither for an ad hoc one that starts at <paramref name="StartUtc"/> (now when null).</summary>
public sealed record MaintenanceDraft(
    string? Reason, string? Cron, string? TimeZone, DateTime? StartUtc, int DurationMinutes, bool PauseSyncing,
    bool ExcludeFromSlo)
{
    public bool IsScheduled => Cron is not null || TimeZone is not null;
}
