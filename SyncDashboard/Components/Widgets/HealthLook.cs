using MudBlazor;

namespace SyncDashboard.Components.Widgets;

/// <summary>How a health status looks: colour, icon, its name and what it means, in plain words.</summary>
public sealed record HealthLook(Color Color, string Icon, string Words, string Meaning);
