namespace SyncDashboard.Monitoring.Rollups;

/// <summary>What a rollup run did: weeks and days recomputed, rows inserted or changed.</summary>
public sealed record RollupResult(int Weeks, int Days, int RowsWritten);
