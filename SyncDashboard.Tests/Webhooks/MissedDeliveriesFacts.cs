using SyncDashboard.Monitoring;
using SyncDashboard.Webhooks;

namespace SyncDashboard.Tests.Webhooks;

public sealed class MissedDeliveriesFacts
{
    private static readonly DateTime T0 = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static SyncWindow Sync(long id, int atSeconds, int changes, SyncType type = SyncType.Incremental) =>
        new(id, type, SyncTrigger.Schedule, T0.AddSeconds(atSeconds), changes);

    private static Announcement At(int seconds, string id, string type = "item") => new(type, id, T0.AddSeconds(seconds));

    [Fact]
    public void Count_IsChangesMinusDistinctAnnouncedObjects_InTheSyncsWindow()
    {
        var rows = MissedDeliveries.Count(
            [Sync(1, 0, 0), Sync(2, 30, 5)],
            [At(5, "a"), At(10, "a"), At(12, "b"), At(12, "b", "note")]);

        var row = Assert.Single(rows);
        Assert.Equal((2L, 5, 3, 2), (row.EventId, row.Changes, row.Announced, row.Missed));
    }

    [Fact]
    public void Count_AttributesADeliveryByTriggeredAt_ToTheWindowItsChangeBelongsTo()
    {
        var rows = MissedDeliveries.Count(
            [Sync(1, 0, 0), Sync(2, 30, 1), Sync(3, 60, 1)],
            [At(20, "a"), At(50, "b"), At(61, "c")]);

        Assert.Equal([(3L, 0), (2L, 0)], rows.Select(r => (r.EventId, r.Missed)));
    }

    [Fact]
    public void Count_IsNeverNegative_AndSkipsFullSyncs()
    {
        var rows = MissedDeliveries.Count(
            [Sync(1, 0, 0), Sync(2, 30, 400, SyncType.Full), Sync(3, 60, 1)],
            [At(40, "a"), At(45, "b"), At(50, "c")]);

        var row = Assert.Single(rows);
        Assert.Equal((3L, 0, 3), (row.EventId, row.Missed, row.Announced));
    }

    [Fact]
    public void Count_IsEmpty_WithoutTwoSyncs()
    {
        Assert.Empty(MissedDeliveries.Count([Sync(1, 0, 7)], [At(1, "a")]));
        Assert.Empty(MissedDeliveries.Count([], []));
    }
}
