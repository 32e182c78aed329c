namespace SyncDashboard.Api;

/// <summary>The body of <c>POST /api/maintenance</c>: <paramref name="Cron"/> and <paramref name="TimeZone"/> for a
/// scheduled window; neither for an ad hoc one, which starts at <paramref name="Start"/> (ISO-8601 with a zone) or now.</summary>
public sealed record MaintenanceRequest(
    string? Reason, string? Cron, string? TimeZone, string? Start, int? DurationMinutes, bool? PauseSyncing,
    bool? ExcludeFromSlo);
