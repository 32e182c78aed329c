using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

public sealed record ChartTooltipX(string? Format = null);
