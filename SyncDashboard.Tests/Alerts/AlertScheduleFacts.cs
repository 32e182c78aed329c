using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Alerts;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Alerts;

/// <summary>When evaluations happen: on Hangfire's recurring job when a channel is on, never when none is.</summary>
public sealed class AlertScheduleFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Startup_RegistersTheRecurringEvaluation_OnlyWhenAChannelIsConfigured()
    {
        await using (var off = new TestApp())
        {
            await off.StartAsync();
            using var connection = off.Get<JobStorage>().GetConnection();
            Assert.DoesNotContain(connection.GetRecurringJobs(), j => j.Id == AlertJobs.RecurringJobId);
        }

        await using var on = new TestApp(new Dictionary<string, string?>
        {
            ["Alerts:Webhook:Url"] = "http://127.0.0.1:9/hook",
            ["Alerts:EvaluationCron"] = "*/2 * * * *",
        });
        await on.StartAsync();
        using var storage = on.Get<JobStorage>().GetConnection();
        var job = storage.GetRecurringJobs().Single(j => j.Id == AlertJobs.RecurringJobId);
        Assert.Equal("*/2 * * * *", job.Cron);
        Assert.Equal(typeof(AlertJobs), job.Job.Type);
        Assert.Equal(EvaluationReason.Schedule, job.Job.Args[0]);
        Assert.Equal(TimeZoneInfo.Utc.Id, job.TimeZoneId);
    }

    [Fact]
    public async Task NoChannel_NothingIsEvaluatedOrStored_AfterSyncs()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 };
        for (var i = 0; i < 3; i++) await app.SyncAsync();

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AlertJobs>().EvaluateAsync(EvaluationReason.Schedule, Ct);
        }

        await using var db = await app.CreateDbAsync();
        Assert.Empty(await db.AlertStates.ToListAsync(Ct));
        Assert.Empty(await db.AlertNotifications.ToListAsync(Ct));
    }

    /// <summary>The recurring tick counts as an evaluation without any new run, which is how a sync that stopped
    /// running altogether (stale data) still gets announced.</summary>
    [Fact]
    public async Task ScheduledEvaluations_Count_WhenNoSyncRuns()
    {
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["Alerts:Webhook:Url"] = "http://127.0.0.1:9/hook",
            ["Alerts:NotifyAfterBadEvaluations"] = "3",
            ["Alerts:DeliveryAttempts"] = "1",
        });
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 };
        await app.SyncAsync();
        await WaitForEvaluationsAsync(app, 1);

        using (var scope = app.Services.CreateScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<AlertJobs>();
            await jobs.EvaluateAsync(EvaluationReason.Schedule, Ct);
            await using (var db = await app.CreateDbAsync()) Assert.Empty(await db.AlertNotifications.ToListAsync(Ct));
            await jobs.EvaluateAsync(EvaluationReason.Schedule, Ct);
        }

        await using var check = await app.CreateDbAsync();
        var state = await check.AlertStates.SingleAsync(Ct);
        Assert.Equal(3, state.Evaluations);
        Assert.Equal(HealthStatus.Unhealthy, state.NotifiedStatus);
        var notification = await check.AlertNotifications.SingleAsync(Ct);
        Assert.Equal((AlertChannel.Webhook, HealthStatus.Unhealthy), (notification.Channel, notification.ToStatus));
    }

    private static async Task WaitForEvaluationsAsync(TestApp app, long count)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Eventually;
        while (true)
        {
            await using var db = await app.CreateDbAsync();
            if (await db.AlertStates.Select(s => (long?)s.Evaluations).SingleOrDefaultAsync(Ct) >= count) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Fewer than {count} evaluations.");
            await Task.Delay(100, Ct);
        }
    }
}
