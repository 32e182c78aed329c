namespace SyncDashboard.Todoist.Simulator;

/// <summary>One save: the object's resource type (Todoist's webhook prefix), its id, the version it replaced (null for
/// a new object) and the new one.</summary>
internal sealed record AccountChange(string Type, string Id, object? Before, object After, DateTime AtUtc);
