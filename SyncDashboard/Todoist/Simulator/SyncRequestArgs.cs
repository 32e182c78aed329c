namespace SyncDashboard.Todoist.Simulator;

/// <summary>The arguments of one sync call, decoded from either body Todoist accepts.</summary>
internal sealed record SyncRequestArgs(string SyncToken, IReadOnlyList<string>? ResourceTypes);
