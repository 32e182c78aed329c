using SyncDashboard.Data;

namespace SyncDashboard.Sync;

/// <summary>Which runs wait while syncing is paused. Pausing stops what the app does by itself: the schedule, the
/// start-up sync, webhook syncs and the retries of an open chain (a retry is the schedule of a failure). A person's
/// own "Sync now" still runs: pausing is "stop syncing on your own", not "refuse to sync".</summary>
public static class PausePolicy
{
    public static bool Holds(SyncTrigger trigger, bool isPaused) => isPaused && trigger != SyncTrigger.Manual;
}
