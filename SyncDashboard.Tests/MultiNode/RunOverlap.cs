using SyncDashboard.Data;

namespace SyncDashboard.Tests.MultiNode;

/// <summary>How many runs overlapped in time, from the events' own start and end. A run a kill ended has no real end
/// (it is closed as abandoned later, by whoever notices), so only finished runs count.</summary>
internal static class RunOverlap
{
    public static int Count(IEnumerable<SyncEvent> events)
    {
        var overlaps = 0;
        DateTime? latestEnd = null;
        foreach (var run in events.Where(e => e.CompletedUtc is not null && e.ErrorCode != "ABANDONED")
                     .OrderBy(e => e.StartedUtc).ThenBy(e => e.Id))
        {
            if (latestEnd is { } end && run.StartedUtc < end) overlaps++;
            if (latestEnd is null || run.CompletedUtc > latestEnd) latestEnd = run.CompletedUtc;
        }
        return overlaps;
    }
}
