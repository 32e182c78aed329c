namespace SyncDashboard.Todoist.Simulator;

/// <summary>One command of a sync request's <c>commands</c> array, as far as the simulator reads it: what it asks
/// for and the <c>uuid</c> its result is reported under in <c>sync_status</c>.</summary>
public sealed record SyncCommand(string Type, string Uuid);
