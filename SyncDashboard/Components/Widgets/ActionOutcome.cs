using MudBlazor;

namespace SyncDashboard.Components.Widgets;

/// <summary>What an operator action did, as its snackbar says it.</summary>
public sealed record ActionOutcome(string Message, Severity Severity);
