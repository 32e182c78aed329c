namespace SyncDashboard.Todoist.Simulator;

/// <summary>The arguments of one sync call, decoded from either body Todoist accepts. <see cref="SyncToken"/> is null
/// only for a call that sends commands and reads nothing.</summary>
internal sealed record SyncRequestArgs(string? SyncToken, IReadOnlyList<string>? ResourceTypes, IReadOnlyList<SyncCommand>? Commands);
