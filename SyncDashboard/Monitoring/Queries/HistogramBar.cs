using Microsoft.Extensions.Options;
using SyncDashboard.Health;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>One bar of the duration histogram: runs that took at least <paramref name="FromMs"/> and less than
/// <paramref name="ToMs"/> (null for the open-ended last bucket).</summary>
public sealed record HistogramBar(long FromMs, long? ToMs, int Count);
