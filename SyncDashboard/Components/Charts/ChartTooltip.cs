using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

public sealed record ChartTooltip(bool? Shared = null, bool? Intersect = null, ChartTooltipX? X = null);
