namespace SyncDashboard.Sync;

/// <summary>The error codes of runs closed as failed that say nothing about the sync's health
/// (<see cref="RunRecorder.CloseUncountedAsync"/>): no failure count, no error chain, no rollup, and no error budget.</summary>
public static class UncountedRuns
{
    /// <summary>Another run took the lease before this one committed.</summary>
    public const string LeaseLost = "LEASE_LOST";

    /// <summary>The app stopped while the run was in progress.</summary>
    public const string Cancelled = "CANCELLED";
}
