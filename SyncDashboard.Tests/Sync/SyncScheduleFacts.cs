using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Sync;

/// <summary>What start-up hands to Hangfire, read back from Hangfire's own storage.</summary>
public sealed class SyncScheduleFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Startup_RegistersTheRecurringSyncs_WithTheDemoCron_InDemoMode()
    {
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["Sync:IncrementalCron"] = "*/7 * * * *",
            ["Sync:DemoIncrementalCron"] = "*/45 * * * * *",
            ["Sync:FullCron"] = "15 4 * * *",
        });
        await app.StartAsync();

        using var connection = app.Get<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);

        Assert.Equal("*/45 * * * * *", jobs[SyncSchedule.IncrementalJobId].Cron);
        Assert.Equal("15 4 * * *", jobs[SyncSchedule.FullJobId].Cron);
        Assert.Equal(nameof(SyncJobs.RunAsync), jobs[SyncSchedule.IncrementalJobId].Job.Method.Name);
        Assert.Equal(TimeZoneInfo.Utc.Id, jobs[SyncSchedule.FullJobId].TimeZoneId);
        // Small arguments only: a type, a trigger, and the placeholders Hangfire fills in. Never a token.
        Assert.Equal([SyncType.Incremental, SyncTrigger.Schedule, null, CancellationToken.None],
            jobs[SyncSchedule.IncrementalJobId].Job.Args);
    }

    [Fact]
    public async Task Startup_QueuesAFirstSync_WhenAsked_AndHangfireRunsIt()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Sync:SyncOnStartup"] = "true" });
        await app.StartAsync();

        var run = await Eventually.ReturnsAsync(async () =>
        {
            await using var db = await app.CreateDbAsync();
            return await db.SyncEvents.SingleOrDefaultAsync(e => e.Status == SyncStatus.Succeeded, Ct);
        });

        Assert.Equal(SyncTrigger.Startup, run.Trigger);
        Assert.Equal(SyncType.Full, run.Type); // nothing stored yet, so the first sync is a full one
        Assert.False(string.IsNullOrEmpty(run.JobId));
    }
}
