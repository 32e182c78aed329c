using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SyncDashboard.Components.Pages;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Live;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist;
using SyncDashboard.Webhooks;
using Xunit;

namespace SyncDashboard.Tests.Components.Pages;

/// <summary>The page over a real SQLite file through the real queries.</summary>
public sealed class WebhooksPageFacts
{
    [Fact]
    public async Task Page_ShowsTheEmptyState_WhenNothingWasDelivered()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = Create(database);

        var page = context.Render<WebhooksPage>();

        page.WaitForElement("[data-testid=webhooks-empty]");
        Assert.Contains("http://localhost/webhooks/todoist", page.Find("[data-testid=webhooks-demo]").TextContent);
    }

    [Fact]
    public async Task Page_ShowsARecordedDelivery_BesideItsSync()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            var received = DashboardBunit.Now.UtcDateTime.AddSeconds(-10);
            var sync = new SyncEvent
            {
                Service = ServiceName.Todoist, Type = SyncType.Webhook, Trigger = SyncTrigger.Webhook,
                Status = SyncStatus.Succeeded, StartedUtc = received.AddSeconds(5), CompletedUtc = received.AddSeconds(6), DurationMs = 1000,
            };
            db.SyncEvents.Add(sync);
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Service = ServiceName.Todoist, DeliveryId = "d-7", EventName = "item:added", UserId = "1", ObjectType = "item",
                ObjectId = "x", TriggeredUtc = received.AddSeconds(-1), ReceivedUtc = received, SyncEventId = sync.Id,
            });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }
        await using var context = Create(database);

        var page = context.Render<WebhooksPage>();

        page.WaitForElement("[data-delivery-id=d-7]");
        Assert.Contains("6.0 s", page.Find("[data-testid=deliveries-table]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=webhooks-empty]"));
    }

    private static BunitContext Create(TestDatabase database)
    {
        var context = DashboardBunit.Create();
        var factory = database.Factory();
        context.Services.AddSingleton(factory);
        context.Services.AddSingleton<EventQueries>();
        context.Services.AddSingleton(new WebhookSecret(Options.Create(new TodoistOptions())));
        context.Services.AddSingleton<WebhookQueries>();
        context.Services.AddSingleton(new MonitoringNotifier(NullLogger<MonitoringNotifier>.Instance));
        return context;
    }
}
