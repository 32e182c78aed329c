using System.Text.Json.Serialization;

namespace SyncDashboard.Components.Charts;

/// <summary>An option that is only switched on or off (<c>{ "enabled": false }</c>, <c>{ "show": false }</c>).</summary>
public sealed record ChartToggle(bool? Enabled = null, bool? Show = null);
