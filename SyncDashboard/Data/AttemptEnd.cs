namespace SyncDashboard.Data;

/// <summary>A counted attempt as an hourly rollup keeps it for the service level objectives: when it ended (to the
/// microsecond) and whether it succeeded.</summary>
public readonly record struct AttemptEnd(DateTime EndUtc, bool Succeeded);
