using Microsoft.AspNetCore.Components;
using SyncDashboard.Configuration;
using SyncDashboard.Webhooks;

namespace SyncDashboard.Components.Pages;

/// <summary>Todoist webhooks: deliveries beside the syncs they caused, latency, rejected signatures and missed
/// deliveries, kept live like the front page.</summary>
public sealed partial class WebhooksPage
{
    private const int DeliveryCount = 50;

    [Inject] private WebhookQueries Queries { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private WebhookReport? report;

    private string CallbackUrl => Navigation.ToAbsoluteUri(WebhookEndpoint.Path).ToString();

    protected override async Task LoadAsync(CancellationToken ct) =>
        report = await Queries.GetAsync(ServiceName.Todoist, DeliveryCount, ct);
}
