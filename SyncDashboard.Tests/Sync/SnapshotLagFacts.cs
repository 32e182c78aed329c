using SyncDashboard.Sync;

namespace SyncDashboard.Tests.Sync;

public sealed class SnapshotLagFacts
{
    private static readonly DateTime AskedAt = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, false)]          // incremental answers carry no snapshot date
    [InlineData(0, false)]             // generated when asked
    [InlineData(2, false)]             // generated just after
    [InlineData(-4, false)]            // within clock skew
    [InlineData(-6, true)]             // clearly older than the request
    [InlineData(-3600, true)]          // a big account's hour-old snapshot
    public void NeedsFollowUp_OnlyWhenTheSnapshotIsClearlyOlderThanTheRequest(int? offsetSeconds, bool expected)
    {
        DateTime? snapshot = offsetSeconds is { } s ? AskedAt.AddSeconds(s) : null;
        Assert.Equal(expected, SnapshotLag.NeedsFollowUp(snapshot, AskedAt));
    }
}
