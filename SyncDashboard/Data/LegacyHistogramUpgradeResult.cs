namespace SyncDashboard.Data;

/// <summary>What <see cref="LegacyHistogramUpgrade"/> did: hourly rows recomputed from their runs or converted from
/// their buckets (their runs gone), daily and weekly rows merged from their hours or converted from their buckets.</summary>
public sealed record LegacyHistogramUpgradeResult(int HoursFromRuns, int HoursFromBuckets, int RollupsMerged, int RollupsFromBuckets)
{
    public int Rows => HoursFromRuns + HoursFromBuckets + RollupsMerged + RollupsFromBuckets;

    public static LegacyHistogramUpgradeResult operator +(LegacyHistogramUpgradeResult a, LegacyHistogramUpgradeResult b) =>
        new(a.HoursFromRuns + b.HoursFromRuns, a.HoursFromBuckets + b.HoursFromBuckets,
            a.RollupsMerged + b.RollupsMerged, a.RollupsFromBuckets + b.RollupsFromBuckets);
}
