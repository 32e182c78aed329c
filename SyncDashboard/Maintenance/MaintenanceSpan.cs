namespace SyncDashboard.Maintenance;

/// <summary>One occurrence of a maintenance window, [<paramref name="StartUtc"/>, <paramref name="EndUtc"/>), already
/// clipped to the window's life (its creation, its early end).</summary>
public sealed record MaintenanceSpan(
    long WindowId, DateTime StartUtc, DateTime EndUtc, string Reason, bool PauseSyncing, bool ExcludeFromSlo)
{
    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;
}
