using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>The <c>event_data</c> of a <c>note:*</c> webhook: the comment as sync sends it, plus the task's <c>url</c>
/// and the whole task as <c>item</c>, which Todoist adds to comment webhooks (and nothing else: Todoist's SDK
/// refuses any other key there).</summary>
internal sealed record WebhookNote(
    string Id,
    string? ItemId,
    string Content,
    DateTime? PostedAt,
    string? PostedUid,
    WireFileAttachment? FileAttachment,
    IReadOnlyList<string>? UidsToNotify,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Reactions,
    bool IsDeleted,
    string Url,
    WireItem Item)
{
    public static WebhookNote Of(WireNote note, WireItem item) => new(
        note.Id, note.ItemId, note.Content, note.PostedAt, note.PostedUid, note.FileAttachment, note.UidsToNotify,
        note.Reactions, note.IsDeleted, TaskUrl(item.Id), item);

    public static string TaskUrl(string itemId) => $"https://app.todoist.com/app/task/{itemId}";
}
