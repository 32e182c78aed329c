using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>The <c>event_data</c> of a <c>label:*</c> webhook. Label webhooks differ from the sync object: the order
/// is called <c>item_order</c>, not <c>order</c>, and <c>is_deleted</c> is always there.</summary>
internal sealed record WebhookLabel(string Id, string Name, string? Color, bool IsFavorite, int? ItemOrder, bool IsDeleted)
{
    public static WebhookLabel Of(WireLabel label) =>
        new(label.Id, label.Name, label.Color, label.IsFavorite, label.Order, label.IsDeleted);
}
