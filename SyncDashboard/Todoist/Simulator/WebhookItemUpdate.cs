using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>The <c>event_data_extra</c> of an <c>item:updated</c> webhook: the task before the change and why it
/// changed. The simulator's edits are all plain edits (<c>item_updated</c>); Todoist also says
/// <c>item_completed</c>, <c>item_uncompleted</c> or <c>responsible_uid_changed</c>.</summary>
internal sealed record WebhookItemUpdate(WireItem OldItem, string UpdateIntent)
{
    public const string Edited = "item_updated";
}
