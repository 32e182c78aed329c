using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>Turns a batch of saves into webhook events, one per object touched (its first "before" and last
/// "after"), named and shaped as Todoist names and shapes them.</summary>
internal static class WebhookEvents
{
    /// <param name="account">The account after the batch: a comment's webhook carries its task as it is now.</param>
    public static List<SimulatedWebhook> From(IReadOnlyList<AccountChange> journal, SimulatedAccount account)
    {
        var firstBefore = new Dictionary<(string, string), AccountChange>();
        var last = new Dictionary<(string, string), AccountChange>();
        var order = new List<(string, string)>();
        foreach (var change in journal)
        {
            var key = (change.Type, change.Id);
            if (firstBefore.TryAdd(key, change)) order.Add(key);
            last[key] = change;
        }
        return order.Select(key =>
            {
                var (before, after) = (firstBefore[key].Before, last[key].After);
                var name = NameOf(before, after);
                return new SimulatedWebhook(name, DataOf(after, account), last[key].AtUtc, ExtraOf(name, before));
            })
            .ToList();
    }

    private static object DataOf(object after, SimulatedAccount account) => after switch
    {
        WireNote note => WebhookNote.Of(note, account.Items.Get(note.ItemId!)),
        WireLabel label => WebhookLabel.Of(label),
        _ => after,
    };

    private static object? ExtraOf(string eventName, object? before) =>
        eventName == "item:updated" && before is WireItem old ? new WebhookItemUpdate(old, WebhookItemUpdate.Edited) : null;

    public static string NameOf(object? before, object after) => after switch
    {
        WireItem item => "item:" + ItemVerb(before as WireItem, item),
        WireNote note => "note:" + (before is null ? "added" : note.IsDeleted ? "deleted" : "updated"),
        WireProject project => "project:" + Verb(before is null, project.IsDeleted, (before as WireProject)?.IsArchived, project.IsArchived),
        WireSection section => "section:" + Verb(before is null, section.IsDeleted, (before as WireSection)?.IsArchived, section.IsArchived),
        WireLabel label => "label:" + (before is null ? "added" : label.IsDeleted ? "deleted" : "updated"),
        _ => throw new ArgumentException($"No webhook for {after.GetType().Name}.", nameof(after)),
    };

    private static string ItemVerb(WireItem? before, WireItem after) => (before, after) switch
    {
        (null, _) => "added",
        (_, { IsDeleted: true }) => "deleted",
        ({ Checked: false }, { Checked: true }) => "completed",
        ({ Checked: true }, { Checked: false }) => "uncompleted",
        _ => "updated",
    };

    private static string Verb(bool isNew, bool isDeleted, bool? wasArchived, bool isArchived) =>
        isNew ? "added"
        : isDeleted ? "deleted"
        : wasArchived == false && isArchived ? "archived"
        : wasArchived == true && !isArchived ? "unarchived"
        : "updated";
}
