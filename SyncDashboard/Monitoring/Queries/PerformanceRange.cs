using Microsoft.Extensions.Options;
using SyncDashboard.Health;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>A window the performance page offers, and how many hours one point of its percentile lines covers.</summary>
public sealed record PerformanceRange(string Key, int Days, int BucketHours, string Label)
{
    public static readonly PerformanceRange Day = new("24h", 1, 1, "24 h");
    public static readonly PerformanceRange Week = new("7d", 7, 6, "7 d");
    public static readonly PerformanceRange Month = new("30d", 30, 24, "30 d");

    public static IReadOnlyList<PerformanceRange> All { get; } = [Day, Week, Month];

    public static PerformanceRange Default => Week;

    public static PerformanceRange Parse(string? key) =>
        All.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase)) ?? Default;
}
