using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SyncDashboard.Components.Pages;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Pages;

/// <summary>The Errors page over a real SQLite file, with the real queries and commands.</summary>
public sealed class ErrorsPageFacts
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_SaysThereIsNothingToDo_WhenNoChainIsOpen()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = DashboardBunit.CreateOperator(database: database);

        var page = context.Render<Errors>();

        page.WaitForAssertion(() => Assert.Contains("No open errors", page.Find("[data-testid=errors-empty]").TextContent));
        Assert.Contains("Show resolved chains", page.Find("[data-testid=errors-empty]").TextContent);
    }

    [Fact]
    public async Task Resolve_EndsTheChainThroughErrorCommands_AsTheSignedInUser_AndAuditsIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var chainId = await AddOpenChainAsync(database);
        await using var context = DashboardBunit.CreateOperator(database: database);
        var page = context.Render<Errors>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll($"[data-chain-id='{chainId}']")));

        await page.Find("[data-testid=resolve]").ClickAsync(new());

        await using var db = database.Open();
        var chain = await db.SyncErrors.SingleAsync(Ct);
        Assert.Equal((ErrorResolution.Manual, "ana"), (chain.Resolution, chain.ResolvedBy));
        Assert.Equal(AuditAction.ResolveError, (await db.AuditEntries.SingleAsync(Ct)).Action);
    }

    [Fact]
    public async Task RetryNow_QueuesTheRetryThroughErrorCommands_AndAuditsIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var chainId = await AddOpenChainAsync(database);
        await using var context = DashboardBunit.CreateOperator(database: database);
        var page = context.Render<Errors>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll($"[data-chain-id='{chainId}']")));

        await page.Find("[data-testid=retry-now]").ClickAsync(new());

        await using var db = database.Open();
        var chain = await db.SyncErrors.SingleAsync(Ct);
        Assert.NotNull(chain.PendingJobId);
        var entry = await db.AuditEntries.SingleAsync(Ct);
        Assert.Equal((AuditAction.RetryNow, "ana", $"chain #{chainId}, job {chain.PendingJobId}"),
            (entry.Action, entry.Actor, entry.Details));
    }

    [Fact]
    public async Task Resolve_SaysTheChainIsResolved()
    {
        await using var database = await TestDatabase.CreateAsync();
        var chainId = await AddOpenChainAsync(database);
        await using var context = DashboardBunit.CreateOperator(database: database);
        var page = context.Render<Errors>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll($"[data-chain-id='{chainId}']")));

        await page.Find("[data-testid=resolve]").ClickAsync(new());

        var shown = Assert.Single(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(($"Chain #{chainId} resolved; its pending retry is cancelled.", Severity.Success), (shown.Message, shown.Severity));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-chain-id='{chainId}']")));
    }

    /// <summary>A failure names the chain, not the exception (it may carry paths or connection details), and leaves
    /// the chain open with its buttons usable.</summary>
    [Fact]
    public async Task Resolve_SaysOnlyThatItFailed_AndLeavesTheChainOpen_WhenTheDatabaseFails()
    {
        await using var database = await TestDatabase.CreateAsync();
        var chainId = await AddOpenChainAsync(database);
        await using var context = DashboardBunit.CreateOperator(database: database);
        var page = context.Render<Errors>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll($"[data-chain-id='{chainId}']")));
        await using (var db = database.Open())
        {
            // The resolution and its audit entry commit together, so without the audit table nothing commits.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE audit_entries", Ct);
        }

        await page.Find("[data-testid=resolve]").ClickAsync(new());

        var shown = Assert.Single(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(($"Chain #{chainId} could not be resolved; see the server log.", Severity.Error), (shown.Message, shown.Severity));
        await using var after = database.Open();
        Assert.Null((await after.SyncErrors.SingleAsync(Ct)).ResolvedUtc);
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=resolve]").HasAttribute("disabled")));
    }

    /// <summary>A refused action is explained, not swallowed: while syncing is paused Retry now queues nothing and the
    /// snackbar says why.</summary>
    [Fact]
    public async Task RetryNow_WhilePaused_QueuesNothing_AndTheSnackbarSaysWhy()
    {
        await using var database = await TestDatabase.CreateAsync();
        var chainId = await AddOpenChainAsync(database);
        await using (var db = database.Open())
        {
            db.SyncStates.Add(new SyncState { Service = ServiceName.Todoist, IsPaused = true });
            await db.SaveChangesAsync(Ct);
        }
        await using var context = DashboardBunit.CreateOperator(database: database);
        var page = context.Render<Errors>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll($"[data-chain-id='{chainId}']")));

        await page.Find("[data-testid=retry-now]").ClickAsync(new());

        var shown = Assert.Single(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(Severity.Warning, shown.Severity);
        Assert.Equal($"Not retried: {ErrorCommands.PausedReason}.", shown.Message);
        await using var after = database.Open();
        Assert.Null((await after.SyncErrors.SingleAsync(Ct)).PendingJobId);
        Assert.Empty(await after.AuditEntries.ToListAsync(Ct));
    }

    private static async Task<long> AddOpenChainAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var now = DashboardBunit.Now.UtcDateTime;
        var chain = new SyncError
        {
            Service = ServiceName.Todoist, Kind = FailureKind.Transient, ErrorCode = "SERVICE_UNAVAILABLE",
            Message = "Service unavailable", HttpStatus = 503, CreatedUtc = now.AddMinutes(-2), LastOccurredUtc = now.AddMinutes(-1),
            RetryCount = 5,
        };
        db.SyncErrors.Add(chain);
        await db.SaveChangesAsync(Ct);
        return chain.Id;
    }
}
