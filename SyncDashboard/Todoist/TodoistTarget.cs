namespace SyncDashboard.Todoist;

/// <summary>Where sync calls go and with which token: Todoist itself, or the built-in simulator in demo mode.</summary>
public sealed record TodoistTarget(Uri BaseAddress, string Token, bool IsSimulator);
