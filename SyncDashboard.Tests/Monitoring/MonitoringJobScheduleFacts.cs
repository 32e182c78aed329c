using Hangfire;
using Hangfire.Storage;
using SyncDashboard.Monitoring.Retention;
using SyncDashboard.Monitoring.Rollups;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Monitoring;

/// <summary>The housekeeping jobs start-up hands to Hangfire, read back from Hangfire's own storage.</summary>
public sealed class MonitoringJobScheduleFacts
{
    [Fact]
    public async Task Startup_RegistersRollupsAndRetention_WithTheConfiguredCrons()
    {
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["Rollups:Cron"] = "17 * * * *",
            ["Retention:Cron"] = "45 2 * * *",
        });
        await app.StartAsync();

        using var connection = app.Get<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);

        Assert.Equal("17 * * * *", jobs[MetricRollupJob.RecurringJobId].Cron);
        Assert.Equal("45 2 * * *", jobs[RetentionJob.RecurringJobId].Cron);
        Assert.Equal(typeof(MetricRollupJob), jobs[MetricRollupJob.RecurringJobId].Job.Type);
        Assert.Equal(typeof(RetentionJob), jobs[RetentionJob.RecurringJobId].Job.Type);
        Assert.Equal(TimeZoneInfo.Utc.Id, jobs[MetricRollupJob.RecurringJobId].TimeZoneId);
        Assert.Equal(TimeZoneInfo.Utc.Id, jobs[RetentionJob.RecurringJobId].TimeZoneId);
    }

    [Fact]
    public async Task RollupJob_RunsThroughHangfire_AndWritesDailyRows()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        await using (var db = await app.CreateDbAsync())
        {
            await Rollups.RollupHistory.RecordAsync(db,
                Rollups.RollupHistory.Generate(DateTime.UtcNow.AddDays(-2), days: 2, count: 20));
        }

        app.Get<IRecurringJobManager>().Trigger(MetricRollupJob.RecurringJobId);

        var day = await Eventually.ReturnsAsync(async () =>
        {
            await using var db = await app.CreateDbAsync();
            return db.SyncMetrics.FirstOrDefault(m => m.Period == SyncDashboard.Data.MetricPeriod.Daily);
        });
        Assert.True(day.SuccessCount + day.FailureCount > 0);
    }

    [Fact]
    public void HousekeepingJobs_HaveHangfiresAutomaticRetryOff()
    {
        foreach (var method in new[]
                 {
                     typeof(MetricRollupJob).GetMethod(nameof(MetricRollupJob.RunAsync))!,
                     typeof(RetentionJob).GetMethod(nameof(RetentionJob.RunAsync))!,
                 })
        {
            var attribute = method.GetCustomAttributes(typeof(AutomaticRetryAttribute), inherit: true)
                .Cast<AutomaticRetryAttribute>().Single();
            Assert.Equal(0, attribute.Attempts);
        }
    }

    [Theory]
    [InlineData("Rollups:Cron", "hourly please")]
    [InlineData("Retention:Cron", "61 * * * *")]
    [InlineData("Retention:EventDays", "0")]
    [InlineData("Retention:BatchSize", "0")]
    public async Task Startup_Fails_NamingTheKey_WhenAHousekeepingSettingIsBad(string key, string value)
    {
        await using var app = new TestApp(new Dictionary<string, string?> { [key] = value });
        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);
        var leaf = key.Split(':')[1];
        Assert.Contains(key == "Rollups:Cron" || key == "Retention:Cron" ? key : leaf, Flatten(error));
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : "");
}
