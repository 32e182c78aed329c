namespace SyncDashboard.Monitoring.Queries;

/// <summary>A window the timeline page offers: its query-string key, its length, and how many hours one bar covers.
/// Long windows get wider bars so the chart stays readable (720 hourly bars would be one pixel each).</summary>
public sealed record TimelineRange(string Key, int Hours, int BucketHours, string Label)
{
    public static readonly TimelineRange SixHours = new("6h", 6, 1, "6 h");
    public static readonly TimelineRange Day = new("24h", 24, 1, "24 h");
    public static readonly TimelineRange Week = new("7d", 7 * 24, 1, "7 d");
    public static readonly TimelineRange Month = new("30d", 30 * 24, 6, "30 d");

    public static IReadOnlyList<TimelineRange> All { get; } = [SixHours, Day, Week, Month];

    public static TimelineRange Default => Day;

    /// <summary>The range named <paramref name="key"/> (case-insensitive), or the default for anything else.</summary>
    public static TimelineRange Parse(string? key) =>
        All.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase)) ?? Default;
}
