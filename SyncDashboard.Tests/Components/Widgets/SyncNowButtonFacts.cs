using Bunit;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

/// <summary>The button over a real SQLite file, the real <see cref="SyncCommands"/> and Hangfire's in-memory storage.</summary>
public sealed class SyncNowButtonFacts
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, " It runs although syncing is paused.")]
    public async Task SyncNow_SaysWhichJobItQueued_AndWhetherItRunsWhilePaused(bool paused, string note)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = DashboardBunit.CreateOperator(database: database);
        var button = context.Render<SyncNowButton>(p => p.Add(b => b.IsPaused, paused));

        await button.Find("[data-testid=sync-now]").ClickAsync(new());

        var job = Assert.Single(context.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10));
        var shown = Assert.Single(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(($"Incremental sync queued (job {job.Key}).{note}", Severity.Success), (shown.Message, shown.Severity));
    }

    [Fact]
    public async Task SyncNow_SaysWhyNot_WhenASyncIsRunning()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            db.SyncStates.Add(new SyncState
            {
                Service = ServiceName.Todoist, LeaseOwner = "another worker", LeaseExpiresUtc = DashboardBunit.Now.UtcDateTime.AddMinutes(5),
            });
            await db.SaveChangesAsync(Ct);
        }
        await using var context = DashboardBunit.CreateOperator(database: database);
        var button = context.Render<SyncNowButton>();

        await button.Find("[data-testid=sync-now]").ClickAsync(new());

        Assert.Equal(0, context.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default"));
        var shown = Assert.Single(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(($"Sync not queued: {SyncCommands.BusyReason}.", Severity.Warning), (shown.Message, shown.Severity));
    }
}
