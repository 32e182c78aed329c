using SyncDashboard.Data;

namespace SyncDashboard.Webhooks;

/// <summary>Missed deliveries: for each incremental or webhook sync, the objects it found changed minus the distinct
/// objects that deliveries announced as changed between the previous successful sync and this one (by Todoist's
/// <c>triggered_at</c>, so a late delivery still counts for the window its change belongs to). A full sync replaces
/// the mirror and is not judged. An object changed twice is one change and one announcement on both sides. Only
/// deliveries for objects the mirror holds are announcements.</summary>
public static class MissedDeliveries
{
    /// <summary>The webhook object type (the part of <c>event_name</c> before the colon) of each resource type the
    /// mirror can hold.</summary>
    private static readonly Dictionary<string, string> ObjectTypeOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["items"] = "item", ["notes"] = "note", ["projects"] = "project", ["sections"] = "section", ["labels"] = "label",
    };

    /// <summary>The object types whose deliveries announce a change a sync can find: those of the mirrored
    /// <c>Todoist:ResourceTypes</c>. Deliveries for anything else (<c>filter:*</c>, <c>reminder:fired</c>, a type
    /// not mirrored) announce nothing the sync counts.</summary>
    public static IReadOnlySet<string> MirroredObjectTypes(IEnumerable<string> resourceTypes) =>
        resourceTypes.Select(r => ObjectTypeOf.GetValueOrDefault(r.Trim())).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <param name="syncs">Successful syncs, oldest first; the first only opens the window of the second.</param>
    /// <param name="mirrored">See <see cref="MirroredObjectTypes"/>; announcements of other types are not counted.</param>
    public static IReadOnlyList<MissedDeliveryRow> Count(
        IReadOnlyList<SyncWindow> syncs, IReadOnlyList<Announcement> announcements, IReadOnlySet<string> mirrored)
    {
        var rows = new List<MissedDeliveryRow>();
        for (var i = 1; i < syncs.Count; i++)
        {
            var sync = syncs[i];
            if (sync.Type == SyncType.Full) continue;
            var from = syncs[i - 1].StartedUtc;
            var announced = announcements
                .Where(a => a.ObjectType is { } type && mirrored.Contains(type))
                .Where(a => a.AtUtc > from && a.AtUtc <= sync.StartedUtc)
                .Select(a => a.ObjectId is null ? (object)a : (a.ObjectType, a.ObjectId))
                .Distinct()
                .Count();
            rows.Add(new MissedDeliveryRow(sync.EventId, sync.Type, sync.Trigger, sync.StartedUtc, sync.Changes, announced,
                Math.Max(0, sync.Changes - announced)));
        }
        rows.Reverse();
        return rows;
    }
}
