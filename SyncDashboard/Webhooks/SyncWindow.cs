using SyncDashboard.Data;

namespace SyncDashboard.Webhooks;

/// <summary>A successful sync as the missed-delivery count sees it: what it found, and the window of changes it
/// covered (from the previous successful sync's start to its own).</summary>
public sealed record SyncWindow(long EventId, SyncType Type, SyncTrigger Trigger, DateTime StartedUtc, int Changes);
