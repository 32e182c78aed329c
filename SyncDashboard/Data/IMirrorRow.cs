namespace SyncDashboard.Data;

// The mirrored Todoist account, keyed by Todoist's opaque string ids. Rows hold what the last sync said; deleted
// objects are removed, completed tasks stay (Checked) until a full sync, which returns active objects only.

/// <summary>A mirror row: keyed by Todoist's id.</summary>
public interface IMirrorRow
{
    string Id { get; }
}
