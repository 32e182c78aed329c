using SyncDashboard.Data;
using SyncDashboard.Webhooks;

namespace SyncDashboard.Tests.Webhooks;

public sealed class MissedDeliveriesFacts
{
    private static readonly DateTime T0 = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static SyncWindow Sync(long id, int atSeconds, int changes, SyncType type = SyncType.Incremental) =>
        new(id, type, SyncTrigger.Schedule, T0.AddSeconds(atSeconds), changes);

    private static readonly IReadOnlySet<string> Mirrored =
        MissedDeliveries.MirroredObjectTypes(["items", "projects", "sections", "labels", "notes"]);

    private static Announcement At(int seconds, string id, string type = "item") => new(type, id, T0.AddSeconds(seconds));

    [Fact]
    public void Count_IsChangesMinusDistinctAnnouncedObjects_InTheSyncsWindow()
    {
        var rows = MissedDeliveries.Count(
            [Sync(1, 0, 0), Sync(2, 30, 5)],
            [At(5, "a"), At(10, "a"), At(12, "b"), At(12, "b", "note")], Mirrored);

        var row = Assert.Single(rows);
        Assert.Equal((2L, 5, 3, 2), (row.EventId, row.Changes, row.Announced, row.Missed));
    }

    [Fact]
    public void Count_AttributesADeliveryByTriggeredAt_ToTheWindowItsChangeBelongsTo()
    {
        var rows = MissedDeliveries.Count(
            [Sync(1, 0, 0), Sync(2, 30, 1), Sync(3, 60, 1)],
            [At(20, "a"), At(50, "b"), At(61, "c")], Mirrored);

        Assert.Equal([(3L, 0), (2L, 0)], rows.Select(r => (r.EventId, r.Missed)));
    }

    [Fact]
    public void Count_IsNeverNegative_AndSkipsFullSyncs()
    {
        var rows = MissedDeliveries.Count(
            [Sync(1, 0, 0), Sync(2, 30, 400, SyncType.Full), Sync(3, 60, 1)],
            [At(40, "a"), At(45, "b"), At(50, "c")], Mirrored);

        var row = Assert.Single(rows);
        Assert.Equal((3L, 0, 3), (row.EventId, row.Missed, row.Announced));
    }

    [Fact]
    public void Count_IsEmpty_WithoutTwoSyncs()
    {
        Assert.Empty(MissedDeliveries.Count([Sync(1, 0, 7)], [At(1, "a")], Mirrored));
        Assert.Empty(MissedDeliveries.Count([], [], Mirrored));
    }

    [Fact]
    public void Count_IgnoresAnnouncementsOfObjectsTheMirrorDoesNotHold()
    {
        var rows = MissedDeliveries.Count(
            [Sync(1, 0, 0), Sync(2, 30, 3)],
            [At(5, "f1", "filter"), At(6, "f2", "filter"), At(7, "r1", "reminder"), At(8, "a"), At(9, "x", "collaborator")],
            Mirrored);

        var row = Assert.Single(rows);
        Assert.Equal((1, 2), (row.Announced, row.Missed));
    }

    [Fact]
    public void MirroredObjectTypes_FollowTheConfiguredResourceTypes()
    {
        Assert.Equal(["item", "label", "note", "project", "section"], Mirrored.Order());
        Assert.Equal(["item", "project"], MissedDeliveries.MirroredObjectTypes(["Items", " projects", "filters"]).Order());
    }

    [Fact]
    public void Count_IgnoresNotes_WhenNotesAreNotMirrored()
    {
        var rows = MissedDeliveries.Count(
            [Sync(1, 0, 0), Sync(2, 30, 2)],
            [At(5, "a"), At(6, "n", "note")],
            MissedDeliveries.MirroredObjectTypes(["items"]));

        Assert.Equal((1, 1), (rows[0].Announced, rows[0].Missed));
    }
}
