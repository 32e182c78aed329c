
namespace SyncDashboard.Components.Widgets;

/// <summary>One number of the overview: its label, the value, a line of detail and, for times, the UTC text.</summary>
public sealed record Kpi(string Key, string Label, string Value, string? Detail, string? Title = null, string? Href = null);
