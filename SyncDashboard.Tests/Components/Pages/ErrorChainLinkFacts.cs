using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Components.Pages;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Pages;

/// <summary>History's drawer links an event's failure chain to that chain's card on Errors, which has the anchor,
/// stands out and is scrolled into view once the chains have loaded.</summary>
public sealed class ErrorChainLinkFacts
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task HistoryDrawer_LinksTheEventsChain_ToItsCardOnErrors()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (chainId, eventId) = await AddChainWithEventAsync(database);
        await using var context = DashboardBunit.CreateOperator(database: database);
        var page = context.Render<History>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll($"[data-history-event-id='{eventId}']")));

        await page.Find($"button[aria-label='Details of event {eventId}']").ClickAsync(new());

        page.WaitForAssertion(() =>
            Assert.Equal($"errors?resolved=true#chain-{chainId}", page.Find("[data-testid=chain-link]").GetAttribute("href")));
    }

    [Fact]
    public async Task Errors_GivesEachChainAnAnchor_AndRevealsTheLinkedOne()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (chainId, _) = await AddChainWithEventAsync(database);
        var (otherId, _) = await AddChainWithEventAsync(database);
        await using var context = DashboardBunit.CreateOperator(database: database);
        var module = context.JSInterop.SetupModule(Errors.ModulePath);
        module.SetupVoid("reveal", _ => true).SetVoidResult();
        context.Services.GetRequiredService<NavigationManager>().NavigateTo($"errors?resolved=true#chain-{chainId}");

        var page = context.Render<Errors>();

        page.WaitForAssertion(() => Assert.Equal("true", page.Find($"#chain-{chainId}").GetAttribute("data-target")));
        Assert.Null(page.Find($"#chain-{otherId}").GetAttribute("data-target"));
        page.WaitForAssertion(() => Assert.Equal($"chain-{chainId}", module.VerifyInvoke("reveal").Arguments[0]));
    }

    private static async Task<(long ChainId, long EventId)> AddChainWithEventAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var now = DashboardBunit.Now.UtcDateTime;
        var chain = new SyncError
        {
            Service = ServiceName.Todoist, Kind = FailureKind.Transient, ErrorCode = "SERVICE_UNAVAILABLE",
            Message = "Service unavailable", HttpStatus = 503, CreatedUtc = now.AddMinutes(-2), LastOccurredUtc = now.AddMinutes(-2),
        };
        db.SyncErrors.Add(chain);
        await db.SaveChangesAsync(Ct);
        var failed = new SyncEvent
        {
            Service = ServiceName.Todoist, Type = SyncType.Incremental, Trigger = SyncTrigger.Manual, Status = SyncStatus.Failed,
            StartedUtc = now.AddMinutes(-2), CompletedUtc = now.AddMinutes(-2).AddSeconds(1), DurationMs = 1000,
            ErrorCode = "SERVICE_UNAVAILABLE", ErrorMessage = "Service unavailable", ErrorKind = FailureKind.Transient,
            HttpStatus = 503, ErrorChainId = chain.Id,
        };
        db.SyncEvents.Add(failed);
        await db.SaveChangesAsync(Ct);
        return (chain.Id, failed.Id);
    }
}
